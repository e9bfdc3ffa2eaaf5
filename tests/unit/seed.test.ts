import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyPasswordHash } from '../../src/lib/server/auth/password';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import * as t from '../../src/lib/server/db/schema';
import {
	loadQuestionnaires,
	publishedVersionProblems
} from '../../src/lib/server/questionnaires/registry';
import { DEMO_PASSWORD, SeedRefused, seedDemo } from '../../src/lib/server/db/seed';
import { tempDir } from '../helpers/tmp';

const registry = loadQuestionnaires('questionnaires');

function freshDb() {
	const db = openDatabase(join(tempDir(), 'scan.db'));
	migrateDatabase(db);
	return db;
}

describe('the demo seed', () => {
	it('creates two SWVs, their schools, accounts and finished rounds with answers', async () => {
		const db = freshDb();
		const result = await seedDemo(db, registry);
		expect(result.created).toBe(true);
		const schools = db.select().from(t.school).all();
		const po = db
			.select()
			.from(t.swv)
			.all()
			.find((s) => s.sector === 'po')!;
		const poSchools = schools.filter((s) => s.swvId === po.id);
		expect(poSchools.length).toBeGreaterThanOrEqual(12);
		expect(new Set(poSchools.map((s) => s.schoolType))).toEqual(new Set(['po', 'sbo', 'so']));
		expect(new Set(schools.filter((s) => s.swvId !== po.id).map((s) => s.schoolType))).toEqual(
			new Set(['vo', 'vso'])
		);
		const rounds = db.select().from(t.round).all();
		expect(rounds.every((r) => r.status === 'closed')).toBe(true);
		expect(rounds.filter((r) => r.scope === 'swv')).toHaveLength(2);
		expect(db.select({ n: count() }).from(t.answer).get()!.n).toBe(result.answers);
		expect(result.answers).toBeGreaterThan(10_000);
		// Each demo account signs in with the printed password; exactly one is an admin.
		const users = db.select().from(t.user).all();
		expect(users.filter((u) => u.isAdmin)).toHaveLength(1);
		expect(users.length).toBeGreaterThan(3);
		for (const u of users)
			expect(await verifyPasswordHash(u.passwordHash!, DEMO_PASSWORD), u.email).toBe(true);
		// Every demo account but the admin coordinates what the printed list says.
		const roles = db
			.select({ email: t.user.email, school: t.school.instellingscode, swv: t.swv.code })
			.from(t.membership)
			.innerJoin(t.user, eq(t.user.id, t.membership.userId))
			.leftJoin(t.school, eq(t.school.id, t.membership.schoolId))
			.leftJoin(t.swv, eq(t.swv.id, t.membership.swvId))
			.all();
		expect(roles.map((r) => `${r.email} ${r.school ?? r.swv}`).sort()).toEqual([
			'school-b@example.org 90AB',
			'school@example.org 90AA',
			'swv-vo@example.org VO2799',
			'swv@example.org PO2799'
		]);
		// Every demo school has an action plan after last year's round and one started this year.
		expect(db.select({ n: count() }).from(t.actionItem).get()!.n).toBe(16 * 3);
		// Parents beside this year's round at three schools: two above their minimum, one below.
		const parents = rounds.filter((r) => r.companionOfRoundId !== null);
		expect(parents.map((r) => r.questionnaireId)).toEqual([
			'ouder-scan',
			'ouder-scan',
			'ouder-scan'
		]);
		expect(
			parents.map(
				(r) =>
					db.select({ n: count() }).from(t.response).where(eq(t.response.roundId, r.id)).get()!.n
			)
		).toEqual([14, 9, 3]);
		for (const p of parents) {
			const team = rounds.find((r) => r.id === p.companionOfRoundId)!;
			expect(team.questionnaireId).toBe('school-scan');
			expect(p.schoolId).toBe(team.schoolId);
			expect(p.minRespondents).toBe(5);
		}
		// The versions the rounds use are now published.
		expect(db.select().from(t.questionnaireVersion).all()).toHaveLength(3);
		expect(publishedVersionProblems(db, registry)).toEqual([]);
	});

	it('is idempotent', async () => {
		const db = freshDb();
		await seedDemo(db, registry);
		const before = db.select({ n: count() }).from(t.answer).get()!.n;
		expect(await seedDemo(db, registry)).toEqual({ created: false, rounds: 0, answers: 0 });
		expect(db.select({ n: count() }).from(t.answer).get()!.n).toBe(before);
	});

	it('refuses a database with other data unless forced', async () => {
		const db = freshDb();
		db.insert(t.swv).values({ code: 'PO2701', name: 'Een echt SWV', sector: 'po' }).run();
		await expect(seedDemo(db, registry)).rejects.toThrow(SeedRefused);
		expect(db.select({ n: count() }).from(t.school).get()!.n).toBe(0);
		expect((await seedDemo(db, registry, { force: true })).created).toBe(true);
	});

	it('--force on a database with real accounts needs a password for the demo admin', async () => {
		const db = freshDb();
		db.insert(t.user).values({ id: 'echt', email: 'ib@school.nl', name: 'Echt' }).run();
		await expect(seedDemo(db, registry, { force: true })).rejects.toThrow(
			/1 echte account\(s\): een demo-beheerder met het openbare wachtwoord wordt niet toegevoegd/
		);
		await expect(seedDemo(db, registry, { force: true, adminPassword: 'kort' })).rejects.toThrow(
			/minstens 12 tekens/
		);
		expect(db.select({ n: count() }).from(t.school).get()!.n).toBe(0);
		const own = 'een-eigen-lang-wachtwoord';
		expect((await seedDemo(db, registry, { force: true, adminPassword: own })).created).toBe(true);
		const admin = db.select().from(t.user).where(eq(t.user.email, 'beheer@example.org')).get()!;
		expect(await verifyPasswordHash(admin.passwordHash!, own)).toBe(true);
		expect(await verifyPasswordHash(admin.passwordHash!, DEMO_PASSWORD)).toBe(false);
	});
});
