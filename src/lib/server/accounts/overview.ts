import { and, eq, inArray } from 'drizzle-orm';
import { membershipsOf } from '../auth/access';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/open';
import { school, swv } from '../db/schema';

/**
 * The SWVs and schools a user coordinates (`/overzicht`). A deactivated SWV's pages are closed to
 * its coordinators, so it is not listed.
 */
export function organisationsOf(db: Db, me: SessionUser) {
	const m = membershipsOf(db, me.id);
	const swvs = m.swvs.size
		? db
				.select({ id: swv.id, name: swv.name, code: swv.code })
				.from(swv)
				.where(and(inArray(swv.id, [...m.swvs]), eq(swv.active, true)))
				.all()
		: [];
	const schools = m.schools.size
		? db
				.select({
					id: school.id,
					name: school.name,
					place: school.place,
					schoolType: school.schoolType
				})
				.from(school)
				.where(inArray(school.id, [...m.schools]))
				.all()
		: [];
	return { swvs, schools };
}
