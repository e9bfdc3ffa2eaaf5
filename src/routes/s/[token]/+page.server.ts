import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { companionPrivacy, respondentWords } from '$lib/domain/companion';
import { formatResumeCode, normalizeResumeCode } from '$lib/domain/respondent';
import { continueStep } from '$lib/server/respondent/answers';
import { RateLimit } from '$lib/server/auth/rate-limit';
import { invalid, parseForm } from '$lib/server/http/form';
import {
	rememberResumeCode,
	respondentSession,
	resumeCookieName,
	resumeResponse,
	startResponse
} from '$lib/server/respondent/session';
import type { Actions, PageServerLoad } from './$types';

const resumeAttempts = new RateLimit(20, 15 * 60 * 1000);
const CLOSED =
	'Deze ronde is gesloten: er kunnen geen antwoorden meer worden gegeven. Dank u wel voor uw interesse.';

/** The page where the respondent continues. */
function continueAt(token: string, s: ReturnType<typeof respondentSession>, responseId: number) {
	const next = continueStep(s, responseId);
	return next === 'review' ? `/s/${token}/controle` : `/s/${token}/thema/${next.theme}`;
}

export const load: PageServerLoad = ({ params, cookies }) => {
	const s = respondentSession(params.token, cookies);
	const code = cookies.get(resumeCookieName(s.round.id));
	return {
		unitName: s.unitName,
		title: s.round.title,
		questionnaire: { title: s.q.title, description: s.q.description, minutes: s.q.minutes ?? 15 },
		themes: s.q.themes.length,
		// Who answers (team, SWV, parents) decides a few words and the privacy text shown.
		words: respondentWords(s.q),
		privacy: s.q.companion ? companionPrivacy(s.q.companion, s.round.minRespondents) : null,
		open: s.open,
		closesAt: s.round.closesAt,
		minRespondents: s.round.minRespondents,
		groups: s.round.askGroups ? (s.q.respondentGroups ?? []) : [],
		started: !!s.response,
		continueAt: s.response ? continueAt(params.token, s, s.response.id) : null,
		resumeCode: s.response && code ? formatResumeCode(code) : null
	};
};

export const actions: Actions = {
	start: async ({ params, cookies, request }) => {
		const s = respondentSession(params.token, cookies);
		if (!s.open) return invalid(410, { message: CLOSED });
		const groups = s.round.askGroups ? (s.q.respondentGroups ?? []).map((g) => g.id) : [];
		const schema = z.object({
			group: z
				.string()
				.max(60)
				.optional()
				.refine((g) => !g || groups.includes(g), {
					error: respondentWords(s.q).groupRefused
				})
		});
		const parsed = await parseForm(request, schema);
		if ('failure' in parsed) return parsed.failure;
		if (s.response) redirect(303, continueAt(params.token, s, s.response.id));
		const { response, resumeCode } = startResponse(
			s.db,
			cookies,
			s.round,
			parsed.data.group || null
		);
		rememberResumeCode(cookies, s.round.id, resumeCode);
		redirect(303, continueAt(params.token, s, response.id));
	},
	hervatten: async (event) => {
		const s = respondentSession(event.params.token, event.cookies);
		if (!s.open) return invalid(410, { message: CLOSED });
		const address = event.getClientAddress();
		if (resumeAttempts.blocked(address)) {
			return invalid(429, {
				message: 'Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw.'
			});
		}
		resumeAttempts.hit(address);
		const parsed = await parseForm(event.request, z.object({ code: z.string().max(40) }), ['code']);
		if ('failure' in parsed) return parsed.failure;
		const code = normalizeResumeCode(parsed.data.code);
		const found = code ? resumeResponse(s.db, event.cookies, s.round, code) : null;
		if (!code || !found) {
			return invalid(400, {
				message: 'Controleer de hervatcode.',
				errors: {
					code: 'Deze hervatcode hoort bij geen antwoorden in deze ronde. Een code ziet eruit als K7P2-9XQM.'
				},
				values: { code: parsed.data.code }
			});
		}
		rememberResumeCode(event.cookies, s.round.id, code);
		redirect(303, continueAt(event.params.token, s, found.id));
	}
};
