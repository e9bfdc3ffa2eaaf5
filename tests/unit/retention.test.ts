import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/open';
import * as t from '../../src/lib/server/db/schema';
import { purgeExpired, retentionSettings } from '../../src/lib/server/ops/retention';
import { setSchoolActive } from '../../src/lib/server/schools/status';
import { databaseWithOpenRound } from '../helpers/open-round';
import { tempDir } from '../helpers/tmp';

const DAY = 86_400_000;
const now = new Date('2026-12-01T12:00:00Z');

function database() {
	const file = join(tempDir(), 'scan.db');
	databaseWithOpenRound(file);
	const db = openDatabase(file);
	const open = db.select().from(t.round).get()!;
	return { db, open };
}

let n = 0;
function respond(db: ReturnType<typeof database>['db'], roundId: number, sent: boolean) {
	n++;
	return db
		.insert(t.response)
		.values({
			roundId,
			tokenHash: `t${n}`,
			resumeHash: `r${n}`,
			submittedAt: sent ? new Date() : null
		})
		.returning()
		.get().id;
}

describe('retention', () => {
	it('has documented defaults and refuses nonsense', () => {
		expect(retentionSettings({})).toEqual({ unsentDays: 30, auditYears: 5 });
		expect(retentionSettings({ RETENTION_UNSENT_DAYS: '7' }).unsentDays).toBe(7);
		expect(() => retentionSettings({ RETENTION_AUDIT_YEARS: 'altijd' })).toThrow(
			'RETENTION_AUDIT_YEARS moet een geheel getal van minstens 1 zijn, niet "altijd".'
		);
	});

	it('deletes unsent responses N days after their round closed, expired sessions and resets, old audit events', () => {
		const { db, open } = database();
		let k = 0;
		const roundWith = (changes: Partial<typeof open>) =>
			db
				.insert(t.round)
				.values({ ...open, id: undefined, shareToken: String(k++).repeat(26), ...changes })
				.returning()
				.get();
		const closedLongAgo = roundWith({
			status: 'closed',
			closedAt: new Date(now.getTime() - 31 * DAY)
		});
		const pastClosingDate = roundWith({ closesAt: new Date(now.getTime() - 40 * DAY) });
		const closedRecently = roundWith({
			status: 'closed',
			closedAt: new Date(now.getTime() - 29 * DAY)
		});
		const gone = [respond(db, closedLongAgo.id, false), respond(db, pastClosingDate.id, false)];
		const kept = [
			respond(db, closedLongAgo.id, true),
			respond(db, closedRecently.id, false),
			respond(db, open.id, false)
		];
		db.insert(t.user).values({ id: 'u', email: 'a@b.nl', name: 'A' }).run();
		db.insert(t.session)
			.values([
				{ id: 'verlopen', userId: 'u', expiresAt: new Date(now.getTime() - 1) },
				{ id: 'geldig', userId: 'u', expiresAt: new Date(now.getTime() + DAY) }
			])
			.run();
		db.insert(t.passwordReset)
			.values({ userId: 'u', tokenHash: 'h', expiresAt: new Date(now.getTime() - DAY) })
			.run();
		db.insert(t.auditEvent)
			.values([
				{ at: new Date('2021-11-30T00:00:00Z'), action: 'oud', targetType: 'x' },
				{ at: new Date('2022-12-02T00:00:00Z'), action: 'recent', targetType: 'x' }
			])
			.run();

		expect(purgeExpired(db, { unsentDays: 30, auditYears: 5 }, now)).toEqual({
			unsentResponses: 2,
			sessions: 1,
			passwordResets: 1,
			auditEvents: 1
		});
		const left = db
			.select({ id: t.response.id })
			.from(t.response)
			.all()
			.map((r) => r.id);
		expect(left.sort()).toEqual(kept.sort());
		expect(left.filter((id) => gone.includes(id))).toEqual([]);
		expect(
			db
				.select()
				.from(t.session)
				.all()
				.map((s) => s.id)
		).toEqual(['geldig']);
		expect(db.select({ n: count() }).from(t.passwordReset).get()!.n).toBe(0);
		const actions = db.select().from(t.auditEvent).all();
		expect(actions.map((a) => a.action)).toEqual(['recent', 'bewaartermijn.opgeschoond']);
		expect(actions[1]!.detail).toMatchObject({ unsentResponses: 2, sessions: 1 });
		// Nothing left to do: no new audit event.
		purgeExpired(db, { unsentDays: 30, auditYears: 5 }, now);
		expect(db.select({ n: count() }).from(t.auditEvent).get()!.n).toBe(2);
	});
});

describe('deactivating a school', () => {
	it('closes its open rounds and says so in the audit log; activating opens nothing', () => {
		const { db, open } = database();
		db.insert(t.user).values({ id: 'beheerder', email: 'b@b.nl', name: 'B', isAdmin: true }).run();
		const closed = setSchoolActive(db, open.schoolId!, false, 'beheerder');
		expect(closed).toBe(1);
		const r = db.select().from(t.round).where(eq(t.round.id, open.id)).get()!;
		expect(r.status).toBe('closed');
		expect(db.select().from(t.school).get()!.active).toBe(false);
		expect(setSchoolActive(db, open.schoolId!, true, 'beheerder')).toBe(0);
		expect(db.select().from(t.round).get()!.status).toBe('closed');
		expect(
			db
				.select()
				.from(t.auditEvent)
				.all()
				.map((a) => [a.action, a.detail])
		).toEqual([
			['school.gedeactiveerd', { rondesGesloten: 1 }],
			['school.geactiveerd', null]
		]);
	});
});
