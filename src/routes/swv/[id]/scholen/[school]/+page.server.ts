import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { swvSchoolPage } from '$lib/server/swv/school-view';
import { roundParam } from '$lib/server/swv/params';
import type { PageServerLoad } from './$types';

/** One of the SWV's schools: its released results as aggregates. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	return swvSchoolPage(db, getQuestionnaires(), s, Number(params.school), roundParam(url));
};
