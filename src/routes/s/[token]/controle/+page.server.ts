import { redirect } from '@sveltejs/kit';
import { formatResumeCode, respondentView } from '$lib/domain/respondent';
import { invalid } from '$lib/server/http/form';
import {
	respondentSession,
	resumeCookieName,
	submitResponse
} from '$lib/server/respondent/session';
import { answersOf } from '$lib/server/rounds/rounds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies }) => {
	const s = respondentSession(params.token, cookies);
	if (!s.open || !s.response) redirect(303, `/s/${params.token}`);
	const view = respondentView(s.q, s.context, answersOf(s.db, s.response.id));
	const code = cookies.get(resumeCookieName(s.round.id));
	return {
		unitName: s.unitName,
		progress: { answered: view.answered, total: view.total },
		open: view.themes
			.map((t) => ({
				number: t.number,
				title: t.title,
				items: t.items
					.filter((i) => i.visible && i.value === null)
					.map((i) => ({ id: i.id, text: i.text }))
			}))
			.filter((t) => t.items.length),
		submitted: !!s.response.submittedAt,
		resumeCode: code ? formatResumeCode(code) : null
	};
};

export const actions: Actions = {
	default: ({ params, cookies }) => {
		const s = respondentSession(params.token, cookies);
		if (!s.open)
			return invalid(410, {
				message: 'Deze ronde is gesloten: er kunnen geen antwoorden meer worden gegeven.'
			});
		if (!s.response) redirect(303, `/s/${params.token}`);
		submitResponse(s.db, s.response);
		redirect(303, `/s/${params.token}/klaar`);
	}
};
