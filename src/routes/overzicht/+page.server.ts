import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '$lib/server/app';
import { membershipsOf, requireUser } from '$lib/server/auth/access';
import { school, swv } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const m = membershipsOf(db, me.id);
	const swvs = m.swvs.size
		? db
				.select({ id: swv.id, name: swv.name, code: swv.code })
				.from(swv)
				// A deactivated SWV's pages are closed to its coordinators.
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
	return { isAdmin: me.isAdmin, swvs, schools, welcome: url.searchParams.has('welkom') };
};
