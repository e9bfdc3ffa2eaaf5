import { respondentWords } from '$lib/domain/companion';
import { respondentSession } from '$lib/server/respondent/session';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies }) => {
	const s = respondentSession(params.token, cookies);
	const words = respondentWords(s.q);
	return {
		unitName: s.unitName,
		thanks: words.thanks,
		lockedText: words.locked,
		submitted: !!s.response?.submittedAt,
		open: s.open,
		// Part of results the team has seen: the answers can no longer change.
		locked: !!s.response?.lockedAt
	};
};
