import { error, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from './session';
import type { Db } from '../db/open';
import { membership, round, school, swv, user } from '../db/schema';

/**
 * The one place that answers "may this user do this to that school, SWV or round". Every load
 * and action calls it. What a user may not see does not exist for them: 404, never its data.
 */

export type SchoolRow = typeof school.$inferSelect;
export type SwvRow = typeof swv.$inferSelect;
export type RoundRow = typeof round.$inferSelect;

export interface Memberships {
	schools: Set<number>;
	swvs: Set<number>;
}

export function membershipsOf(db: Db, userId: string): Memberships {
	const rows = db.select().from(membership).where(eq(membership.userId, userId)).all();
	return {
		schools: new Set(rows.flatMap((r) => (r.schoolId ? [r.schoolId] : []))),
		swvs: new Set(rows.flatMap((r) => (r.swvId ? [r.swvId] : [])))
	};
}

/** Signed in, or off to the sign-in page (and back here afterwards). */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user)
		redirect(303, `/inloggen?naar=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

export function requireAdmin(locals: App.Locals, url: URL): SessionUser {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(404, 'Deze pagina bestaat niet (meer).');
	return user;
}

/**
 * - `coordinate`: the school's own coordinators (rounds, results, co-coordinators);
 * - `oversee`: also the coordinators of its SWV and admins (the school's details, inviting its
 *   coordinators), never its results.
 */
export type SchoolPurpose = 'coordinate' | 'oversee';

export function maySchool(
	db: Db,
	user: SessionUser,
	s: SchoolRow,
	purpose: SchoolPurpose
): boolean {
	const m = membershipsOf(db, user.id);
	if (m.schools.has(s.id)) return true;
	if (purpose === 'coordinate') return false;
	return user.isAdmin || maySwv(db, user, s.swvId);
}

export function schoolFor(
	db: Db,
	user: SessionUser,
	id: number,
	purpose: SchoolPurpose
): SchoolRow {
	const s = Number.isSafeInteger(id)
		? db.select().from(school).where(eq(school.id, id)).get()
		: undefined;
	if (!s || !maySchool(db, user, s, purpose))
		error(404, 'Deze school bestaat niet of u heeft er geen toegang toe.');
	return s;
}

/** An SWV's own pages: its coordinators only (admins manage SWVs under /beheer). */
/**
 * The SWV's own coordinators, while the SWV is active: a deactivated SWV's coordinators lose its
 * pages (and what they oversee through it) until an admin activates it again.
 */
export function maySwv(db: Db, user: SessionUser, swvId: number): boolean {
	if (!membershipsOf(db, user.id).swvs.has(swvId)) return false;
	return !!db
		.select({ id: swv.id })
		.from(swv)
		.where(and(eq(swv.id, swvId), eq(swv.active, true)))
		.get();
}

export function swvFor(db: Db, user: SessionUser, id: number): SwvRow {
	const s = Number.isSafeInteger(id)
		? db.select().from(swv).where(eq(swv.id, id)).get()
		: undefined;
	if (!s || !maySwv(db, user, s.id)) {
		error(404, 'Dit samenwerkingsverband bestaat niet of u heeft er geen toegang toe.');
	}
	return s;
}

/** The schools of an SWV, for its coordinators. */
export function schoolsOfSwv(db: Db, swvId: number): SchoolRow[] {
	return db
		.select()
		.from(school)
		.where(and(eq(school.swvId, swvId)))
		.orderBy(school.name)
		.all();
}

export type MemberTarget = { scope: 'swv'; swv: SwvRow } | { scope: 'school'; school: SchoolRow };

/** SQL condition: the roles of a school or SWV. */
export const membershipIn = (target: MemberTarget) =>
	target.scope === 'school'
		? eq(membership.schoolId, target.school.id)
		: eq(membership.swvId, target.swv.id);

export function hasCoordinators(db: Db, target: MemberTarget): boolean {
	return !!db.select({ id: membership.id }).from(membership).where(membershipIn(target)).get();
}

/**
 * Who adds and removes coordinators. The school decides who acts for it: a school's own
 * coordinators (and admins) manage its coordinators, an SWV's coordinators (and admins) the SWV's.
 * An SWV coordinator only invites a school's *first* coordinator (see `invitationRefusal`).
 */
export function mayManageMembers(db: Db, user: SessionUser, target: MemberTarget): boolean {
	if (user.isAdmin) return true;
	const m = membershipsOf(db, user.id);
	return target.scope === 'swv' ? m.swvs.has(target.swv.id) : m.schools.has(target.school.id);
}

/** The address has a role in the SWV (is one of its coordinators). */
function holdsSwvRole(db: Db, email: string, swvId: number): boolean {
	return !!db
		.select({ id: membership.id })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(eq(user.email, email), eq(membership.swvId, swvId)))
		.get();
}

/**
 * Why `inviter` may not invite `email` for `target`, in Dutch, or null when they may. Besides
 * those who manage the target, an SWV's coordinators invite the first coordinator of one of its
 * schools, but never an address that has a role in the SWV: the SWV never gains a school's
 * role (its results, comments and unshared rounds) through its own invitation.
 */
export function invitationRefusal(
	db: Db,
	inviter: SessionUser,
	target: MemberTarget,
	email: string
): string | null {
	if (mayManageMembers(db, inviter, target)) return null;
	if (target.scope === 'school' && membershipsOf(db, inviter.id).swvs.has(target.school.swvId)) {
		if (hasCoordinators(db, target))
			return `${target.school.name} heeft al een coördinator. Alleen de coördinatoren van de school (of een beheerder) voegen coördinatoren toe.`;
		if (holdsSwvRole(db, email, target.school.swvId))
			return `${email} heeft al een rol in dit samenwerkingsverband. Het samenwerkingsverband kan zichzelf geen toegang geven tot de uitkomsten van een school: nodig iemand van de school uit.`;
		return null;
	}
	return 'U mag voor deze school of dit samenwerkingsverband geen coördinatoren uitnodigen.';
}

/**
 * Why an invitation may not be accepted (now) by `email`, or null. An invitation that the SWV
 * sent for a school (its inviter is neither an admin nor the school's coordinator) only makes
 * the school's first coordinator, and never one of the SWV's own coordinators.
 */
export function acceptanceRefusal(
	db: Db,
	inv: { scope: string; schoolId: number | null; invitedBy: string | null },
	email: string
): string | null {
	if (inv.scope !== 'school' || !inv.schoolId) return null;
	const s = db.select().from(school).where(eq(school.id, inv.schoolId)).get();
	if (!s) return 'Deze school bestaat niet meer.';
	const inviter = inv.invitedBy
		? db.select().from(user).where(eq(user.id, inv.invitedBy)).get()
		: undefined;
	const target: MemberTarget = { scope: 'school', school: s };
	if (inviter?.active && mayManageMembers(db, inviter, target)) return null;
	if (hasCoordinators(db, target))
		return `${s.name} heeft inmiddels een coördinator. Vraag die om een nieuwe uitnodiging.`;
	if (holdsSwvRole(db, email, s.swvId))
		return 'U heeft al een rol in het samenwerkingsverband van deze school. Een uitnodiging van het samenwerkingsverband maakt u geen coördinator van de school: vraag de school om een uitnodiging.';
	return null;
}
