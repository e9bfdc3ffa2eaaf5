import { and, count, eq, ne } from 'drizzle-orm';
import { schoolsOfSwv, type SwvRow } from '../auth/access';
import type { Clash } from '../accounts/admin-forms';
import { coordinatorsOf } from '../accounts/coordinators';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { school, swv } from '../db/schema';

/** The admin's pages of SWVs (`/beheer/swv`): the list, one SWV, and the changes made there. */

/** The SWV with this id (as in a URL), or undefined. */
export function findSwv(db: Db, id: string): SwvRow | undefined {
	const n = Number(id);
	return Number.isSafeInteger(n) ? db.select().from(swv).where(eq(swv.id, n)).get() : undefined;
}

/** Every SWV by code, with its number of schools. */
export function swvList(db: Db) {
	return db
		.select({
			id: swv.id,
			code: swv.code,
			name: swv.name,
			active: swv.active,
			schools: count(school.id)
		})
		.from(swv)
		.leftJoin(school, eq(school.swvId, swv.id))
		.groupBy(swv.id)
		.orderBy(swv.code)
		.all();
}

/** One SWV for the admin: its details, its schools and who coordinates it. */
export function swvAdminPage(db: Db, s: SwvRow) {
	return {
		swv: s,
		schools: schoolsOfSwv(db, s.id),
		...coordinatorsOf(db, { scope: 'swv', swv: s })
	};
}

type SwvFields = { code: string; name: string };

const codeTaken = (db: Db, code: string, except?: number): Clash | null =>
	db
		.select({ id: swv.id })
		.from(swv)
		.where(except === undefined ? eq(swv.code, code) : and(eq(swv.code, code), ne(swv.id, except)))
		.get()
		? { ok: false, field: 'code', message: 'Er bestaat al een samenwerkingsverband met deze code.' }
		: null;

/** A new SWV; its sector follows from its code (PO… or VO…). Codes are unique. */
export function createSwv(db: Db, data: SwvFields, by: string): { ok: true; id: number } | Clash {
	const clash = codeTaken(db, data.code);
	if (clash) return clash;
	const sector = data.code.startsWith('PO') ? 'po' : 'vo';
	const id = db
		.insert(swv)
		.values({ ...data, sector })
		.returning({ id: swv.id })
		.get().id;
	audit(db, by, 'swv.aangemaakt', { type: 'swv', id }, data);
	return { ok: true, id };
}

export function updateSwv(db: Db, id: number, data: SwvFields, by: string): { ok: true } | Clash {
	const clash = codeTaken(db, data.code, id);
	if (clash) return clash;
	db.update(swv).set(data).where(eq(swv.id, id)).run();
	audit(db, by, 'swv.gewijzigd', { type: 'swv', id }, data);
	return { ok: true };
}

/** Deactivating closes the SWV's pages to its coordinators until it is active again. */
export function setSwvActive(db: Db, id: number, active: boolean, by: string): void {
	db.update(swv).set({ active }).where(eq(swv.id, id)).run();
	audit(db, by, active ? 'swv.geactiveerd' : 'swv.gedeactiveerd', { type: 'swv', id });
}
