import { error, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from './auth/session';
import type { Db } from './db/open';
import { membership, round, school, swv } from './db/schema';

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
	return user.isAdmin || m.swvs.has(s.swvId);
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
export function maySwv(db: Db, user: SessionUser, swvId: number): boolean {
	return membershipsOf(db, user.id).swvs.has(swvId);
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

/** Who may invite whom: admins anyone; SWV coordinators their co-coordinators and their schools' coordinators; school coordinators their co-coordinators. */
export function mayInvite(
	db: Db,
	user: SessionUser,
	target: { scope: 'swv'; swvId: number } | { scope: 'school'; school: SchoolRow }
): boolean {
	if (user.isAdmin) return true;
	const m = membershipsOf(db, user.id);
	if (target.scope === 'swv') return m.swvs.has(target.swvId);
	return m.schools.has(target.school.id) || m.swvs.has(target.school.swvId);
}
