import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { swvReadinessData } from '$lib/server/swv/overview';
import type { PageServerLoad } from './$types';

/** The SWV's readiness: its own scan (swv-scan) beside the picture of its schools. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	return swvReadinessData(db, getQuestionnaires(), swvFor(db, me, Number(params.id)));
};
