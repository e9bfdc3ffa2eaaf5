import { and, eq, ne } from 'drizzle-orm';
import type { SchoolRow } from '../auth/access';
import type { Clash } from '../accounts/admin-forms';
import { coordinatorsOf } from '../accounts/coordinators';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { school, swv } from '../db/schema';
import { dropSchoolSnapshots } from '../results/snapshots';
import type { SchoolType } from '$lib/domain/school-type';

/** The admin's page of one school (`/beheer/scholen/[id]`) and adding a school to an SWV. */

/** The school with this id (as in a URL), or undefined. */
export function findSchool(db: Db, id: string): SchoolRow | undefined {
	const n = Number(id);
	return Number.isSafeInteger(n)
		? db.select().from(school).where(eq(school.id, n)).get()
		: undefined;
}

/** One school for the admin: its details, its SWV and who coordinates it. */
export function schoolAdminPage(db: Db, s: SchoolRow) {
	return {
		school: s,
		swv: db.select({ id: swv.id, name: swv.name }).from(swv).where(eq(swv.id, s.swvId)).get()!,
		...coordinatorsOf(db, { scope: 'school', school: s })
	};
}

export interface SchoolFields {
	instellingscode: string;
	vestiging: string;
	name: string;
	place: string;
	schoolType: SchoolType;
}

/** A school is known by its instellingscode and vestiging; no two schools share them. */
const numberTaken = (db: Db, d: SchoolFields, except?: number): Clash | null => {
	const same = and(
		eq(school.instellingscode, d.instellingscode),
		eq(school.vestiging, d.vestiging)
	);
	return db
		.select({ id: school.id })
		.from(school)
		.where(except === undefined ? same : and(same, ne(school.id, except)))
		.get()
		? { ok: false, field: 'instellingscode', message: 'Deze vestiging bestaat al.' }
		: null;
};

export function createSchool(
	db: Db,
	swvId: number,
	d: SchoolFields,
	by: string
): { ok: true; id: number } | Clash {
	const clash = numberTaken(db, d);
	if (clash) return clash;
	const id = db
		.insert(school)
		.values({ ...d, swvId })
		.returning({ id: school.id })
		.get().id;
	audit(db, by, 'school.aangemaakt', { type: 'school', id }, { ...d });
	return { ok: true, id };
}

/** Saves a school's details; a new school type scores its rounds again (other statements count). */
export function updateSchool(
	db: Db,
	s: SchoolRow,
	d: SchoolFields,
	by: string
): { ok: true } | Clash {
	const clash = numberTaken(db, d, s.id);
	if (clash) return clash;
	db.transaction(() => {
		db.update(school).set(d).where(eq(school.id, s.id)).run();
		if (d.schoolType !== s.schoolType) dropSchoolSnapshots(db, s.id);
	});
	audit(db, by, 'school.gewijzigd', { type: 'school', id: s.id }, { ...d });
	return { ok: true };
}
