import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, schoolFor } from '$lib/server/auth/access';
import { swvSchoolView } from '$lib/server/swv/school-view';
import { roundParam } from '$lib/server/swv/params';
import type { PageServerLoad } from './$types';

/** What the SWV sees of this school: for the school's own coordinators, the same page. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const school = schoolFor(db, me, Number(params.id), 'coordinate');
	return { view: swvSchoolView(db, getQuestionnaires(), school, roundParam(url)) };
};
