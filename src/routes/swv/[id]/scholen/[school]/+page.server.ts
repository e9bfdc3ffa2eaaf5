import { error } from '@sveltejs/kit';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, schoolsOfSwv, swvFor } from '$lib/server/auth/access';
import { swvSchoolView } from '$lib/server/swv/school-view';
import { roundParam } from '$lib/server/swv/params';
import type { PageServerLoad } from './$types';

/** One of the SWV's schools: its released results as aggregates. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const school = schoolsOfSwv(db, s.id).find((x) => x.id === Number(params.school));
	if (!school) error(404, 'Deze school hoort niet bij dit samenwerkingsverband.');
	return {
		swv: { id: s.id, name: s.name },
		view: swvSchoolView(db, getQuestionnaires(), school, roundParam(url))
	};
};
