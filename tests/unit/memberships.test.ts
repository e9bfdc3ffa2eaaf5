import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as t from '$lib/server/db/schema';
import { maySchool, maySwv, swvFor } from '$lib/server/auth/access';
import { removeMember, withdrawInvitation } from '$lib/server/accounts/memberships';
import { dbWithSwv } from '../helpers/db';

/** Taking a role away, on a real SQLite file: who may, and what stays. */
function setup() {
	const { db, swv, school, person } = dbWithSwv();
	const s = school('12AA');
	const target = { scope: 'school' as const, school: s };
	const a = person('a@school.nl', [{ schoolId: s.id }]);
	const roleOf = (userId: string) =>
		db.select().from(t.membership).where(eq(t.membership.userId, userId)).get()?.id ?? 0;
	return { db, swv, s, target, a, person, roleOf };
}

describe('removing a coordinator', () => {
	it('the last one goes only by an admin, who keeps the account and its other roles', () => {
		const { db, swv, target, a, person, roleOf } = setup();
		expect(removeMember(db, a, target, roleOf(a.id), true)).toMatchObject({
			ok: false,
			status: 409
		});
		const swvToo = person('b@swv.nl', [{ schoolId: target.school.id }, { swvId: swv.id }]);
		const admin = { ...person('beheer@example.org'), isAdmin: true };
		const schoolRole = db
			.select()
			.from(t.membership)
			.where(eq(t.membership.userId, swvToo.id))
			.all()
			.find((m) => m.schoolId)!.id;
		expect(removeMember(db, admin, target, schoolRole, false)).toMatchObject({ ok: true });
		expect(removeMember(db, admin, target, roleOf(a.id), false)).toMatchObject({ ok: true });
		expect(db.select().from(t.membership).where(eq(t.membership.userId, swvToo.id)).all()).toEqual([
			expect.objectContaining({ swvId: swv.id })
		]);
	});

	it('an SWV coordinator may not; yourself only when confirmed', () => {
		const { db, swv, target, a, person, roleOf } = setup();
		const b = person('b@school.nl', [{ schoolId: target.school.id }]);
		const swvCoordinator = person('swv@example.org', [{ swvId: swv.id }]);
		expect(removeMember(db, swvCoordinator, target, roleOf(b.id), true)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(removeMember(db, a, target, roleOf(a.id), false)).toMatchObject({
			ok: false,
			status: 400
		});
		expect(removeMember(db, a, target, roleOf(a.id), true)).toMatchObject({ ok: true, self: true });
		const audit = db
			.select()
			.from(t.auditEvent)
			.all()
			.map((e) => e.action);
		expect(audit).toEqual([
			'lidmaatschap.geweigerd',
			'lidmaatschap.geweigerd',
			'lidmaatschap.verwijderd'
		]);
	});

	it("takes the person's open invitations for the school with the role", () => {
		const { db, target, a, person, roleOf } = setup();
		const b = person('b@school.nl', [{ schoolId: target.school.id }]);
		const inv = db
			.insert(t.invitation)
			.values({
				tokenHash: 'h',
				email: 'c@school.nl',
				scope: 'school',
				schoolId: target.school.id,
				invitedBy: b.id,
				expiresAt: new Date(Date.now() + 3600_000)
			})
			.returning()
			.get();
		expect(removeMember(db, a, target, roleOf(b.id), false)).toMatchObject({ ok: true });
		expect(withdrawInvitation(db, a, target, inv.id)).toMatchObject({ ok: false, status: 404 });
	});
});

describe('a deactivated SWV', () => {
	it("closes its pages and its schools' details to its coordinators until it is active again", () => {
		const { db, swv, s, person } = setup();
		const coordinator = person('swv@example.org', [{ swvId: swv.id }]);
		expect(maySwv(db, coordinator, swv.id)).toBe(true);
		expect(maySchool(db, coordinator, s, 'oversee')).toBe(true);
		db.update(t.swv).set({ active: false }).where(eq(t.swv.id, swv.id)).run();
		expect(maySwv(db, coordinator, swv.id)).toBe(false);
		expect(maySchool(db, coordinator, s, 'oversee')).toBe(false);
		expect(() => swvFor(db, coordinator, swv.id)).toThrow();
		db.update(t.swv).set({ active: true }).where(eq(t.swv.id, swv.id)).run();
		expect(maySwv(db, coordinator, swv.id)).toBe(true);
	});
});
