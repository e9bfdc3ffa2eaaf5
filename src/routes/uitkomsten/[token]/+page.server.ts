import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { round } from '$lib/server/db/schema';
import { roundResults } from '$lib/server/results/round-results';
import type { PageServerLoad } from './$types';

/** The team's read-only view of a round's results: no comments, nothing to change. */
export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const r = /^[a-z2-7]{26}$/.test(params.token)
		? db.select().from(round).where(eq(round.resultsToken, params.token)).get()
		: undefined;
	if (!r)
		error(
			404,
			'Deze link naar de uitkomsten werkt niet (meer). Vraag de coördinator om de juiste link.'
		);
	return roundResults(db, getQuestionnaires(), r, false);
};
