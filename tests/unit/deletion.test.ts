import { join } from 'node:path';
import { count, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import * as t from '../../src/lib/server/db/schema';
import { deleteSchool, deleteSwv } from '../../src/lib/server/accounts/deletion';
import { loadQuestionnaires } from '../../src/lib/server/questionnaires/registry';
import { seedDemo } from '../../src/lib/server/db/seed';
import { tempDir } from '../helpers/tmp';

async function demo() {
	const db = openDatabase(join(tempDir(), 'scan.db'));
	migrateDatabase(db);
	await seedDemo(db, loadQuestionnaires('questionnaires'));
	const admin = db.select().from(t.user).where(eq(t.user.isAdmin, true)).get()!;
	return { db, admin };
}

type Db = Awaited<ReturnType<typeof demo>>['db'];
const n = (db: Db, table: typeof t.answer | typeof t.round | typeof t.school) =>
	db.select({ n: count() }).from(table).get()!.n;

describe('deleting a school or an SWV', () => {
	it('a school goes with its rounds, answers and coordinator roles; the rest stays', async () => {
		const { db, admin } = await demo();
		const school = db.select().from(t.school).where(eq(t.school.instellingscode, '90AA')).get()!;
		const before = { rounds: n(db, t.round), schools: n(db, t.school), answers: n(db, t.answer) };
		const deleted = deleteSchool(db, school.id, admin.id);
		expect(deleted.schools).toBe(1);
		expect(deleted.rounds).toBeGreaterThan(0);
		expect(n(db, t.round)).toBe(before.rounds - deleted.rounds);
		expect(n(db, t.school)).toBe(before.schools - 1);
		expect(n(db, t.answer)).toBeLessThan(before.answers);
		expect(
			db.select().from(t.membership).where(eq(t.membership.schoolId, school.id)).all()
		).toEqual([]);
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		const event = db
			.select()
			.from(t.auditEvent)
			.where(eq(t.auditEvent.action, 'school.verwijderd'))
			.get()!;
		expect(event.detail).toMatchObject({
			name: 'OBS De Regenboog',
			schools: 1,
			rounds: deleted.rounds
		});
	});

	it('an SWV goes with all its schools and its own rounds; the other SWV is untouched', async () => {
		const { db, admin } = await demo();
		const [po, vo] = ['PO2799', 'VO2799'].map((code) =>
			db.select().from(t.swv).where(eq(t.swv.code, code)).get()!
		);
		const voRounds = db.select().from(t.round).where(eq(t.round.swvId, vo!.id)).all().length;
		deleteSwv(db, po!.id, admin.id);
		expect(
			db
				.select()
				.from(t.swv)
				.all()
				.map((s) => s.code)
		).toEqual(['VO2799']);
		expect(db.select().from(t.school).where(eq(t.school.swvId, po!.id)).all()).toEqual([]);
		expect(n(db, t.round)).toBe(voRounds);
		// Its own catalogue offers go with it; the other SWV's stay.
		expect(
			db
				.select({ id: t.catalogItem.id, swvId: t.catalogItem.swvId })
				.from(t.catalogItem)
				.where(isNotNull(t.catalogItem.swvId))
				.all()
		).toEqual([{ id: 'demo-vo-lindewaard-loket', swvId: vo!.id }]);
		expect(db.$client.pragma('foreign_key_check')).toEqual([]);
		expect(
			db.select().from(t.auditEvent).where(eq(t.auditEvent.action, 'swv.verwijderd')).get()!.detail
		).toMatchObject({ code: 'PO2799' });
	});
});
