import { respondentWords } from '$lib/domain/companion';
import { error, redirect } from '@sveltejs/kit';
import { formatResumeCode, respondentView } from '$lib/domain/respondent';
import { invalid } from '$lib/server/http/form';
import { respondentSession, resumeCookieName } from '$lib/server/respondent/session';
import { savePage } from '$lib/server/respondent/answers';
import { answersOf, commentsOf } from '$lib/server/rounds/rounds';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies }) => {
	const s = respondentSession(params.token, cookies);
	if (!s.open || !s.response) redirect(303, `/s/${params.token}`);
	const answers = answersOf(s.db, s.response.id);
	const view = respondentView(s.q, s.context, answers);
	const theme = view.themes[Number(params.n) - 1];
	if (!theme || !/^\d+$/.test(params.n)) error(404, 'Dit thema bestaat niet in deze vragenlijst.');
	const code = cookies.get(resumeCookieName(s.round.id));
	return {
		roundId: s.round.id,
		unitName: s.unitName,
		title: s.q.title,
		commentHint: respondentWords(s.q).commentHint,
		theme,
		comment: commentsOf(s.db, s.response.id)[theme.id] ?? '',
		answers,
		themes: view.themes.map((t) => ({
			number: t.number,
			title: t.title,
			answered: t.answered,
			total: t.total
		})),
		progress: { answered: view.answered, total: view.total },
		resumeCode: code ? formatResumeCode(code) : null
	};
};

export const actions: Actions = {
	/**
	 * Without JavaScript: the whole page is saved on "volgende", "vorige" or a theme in the list.
	 * With it, every change was saved already and this saves the same values again.
	 */
	default: async ({ params, cookies, request }) => {
		const s = respondentSession(params.token, cookies);
		if (!s.open)
			return invalid(410, {
				message: 'Deze ronde is gesloten: er kunnen geen antwoorden meer worden gegeven.'
			});
		if (!s.response) redirect(303, `/s/${params.token}`);
		const form = await request.formData().catch(() => null);
		if (!form) return invalid(400, { message: 'Het formulier kon niet worden gelezen.' });
		const saved = /^\d+$/.test(params.n)
			? await savePage(s, s.response.id, Number(params.n), form)
			: null;
		if (!saved) error(404, 'Dit thema bestaat niet in deze vragenlijst.');
		if (!saved.ok) {
			return invalid(400, {
				message: 'Niet alles kon worden bewaard. Kijk naar de gemarkeerde stellingen.',
				errors: saved.errors
			});
		}
		if (saved.appeared.length) return { appeared: saved.appeared };
		const to = form.get('goTo');
		if (to === 'controle') redirect(303, `/s/${params.token}/controle`);
		const n = Number(to);
		if (Number.isInteger(n) && n >= 1 && n <= saved.themes)
			redirect(303, `/s/${params.token}/thema/${n}`);
		redirect(303, `/s/${params.token}/thema/${params.n}`);
	}
};
