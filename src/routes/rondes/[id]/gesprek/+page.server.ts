import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { disclosedRound } from '$lib/server/results/disclosure';
import { companionScoresOn } from '$lib/server/results/companion-results';
import { roundFor, roundQuestionnaire } from '$lib/server/rounds/rounds';
import type { PageServerLoad } from './$types';

/** One theme at a time, large, for the team meeting on a projector. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const r = roundFor(db, me, Number(params.id));
	const q = roundQuestionnaire(getQuestionnaires(), r);
	const { score, state } = disclosedRound(db, getQuestionnaires(), r);
	const count = Math.max(score.themes.length, 1);
	const n = Math.min(Math.max(Number(url.searchParams.get('thema')) || 1, 1), count);
	const theme = score.themes[n - 1] ?? null;
	return {
		wide: true,
		round: { id: r.id, title: r.title },
		disclosure: score.disclosure,
		open: state === 'open',
		respondents: score.respondents,
		needed: score.needed,
		n,
		count,
		theme,
		// The parents' score on this theme beside the team's, when their round shows figures.
		companions: theme ? companionScoresOn(db, getQuestionnaires(), r, theme.themeId) : [],
		questions: q.themes.find((t) => t.id === theme?.themeId)?.discussionQuestions ?? []
	};
};
