import { error } from '@sveltejs/kit';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { roundResults } from '$lib/server/results/round-results';
import { roundByResultsToken } from '$lib/server/results/sharing';
import type { PageServerLoad } from './$types';

/** The team's read-only view of a round's results: no comments, nothing to change. */
export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const r = roundByResultsToken(db, params.token);
	if (!r)
		error(
			404,
			'Deze link naar de uitkomsten werkt niet (meer). Vraag de coördinator om de juiste link.'
		);
	return roundResults(db, getQuestionnaires(), r, false);
};
