import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { respondentSession } from '$lib/server/respondent/session';
import { saveAnswer, saveComment } from '$lib/server/respondent/answers';
import type { RequestHandler } from './$types';

/**
 * Saves one answer or one comment as soon as it changes (with JavaScript). Form-encoded, so
 * SvelteKit's origin check applies; answers JSON with a Dutch message on refusal.
 */
const body = z.union([
	z.object({ item: z.string().min(1).max(80), value: z.string().regex(/^-?\d{1,3}$/) }),
	z.object({ theme: z.string().min(1).max(80), comment: z.string() })
]);

export const POST: RequestHandler = async ({ params, cookies, request }) => {
	const s = respondentSession(params.token, cookies);
	if (!s.open)
		return json(
			{ message: 'Deze ronde is gesloten: er kunnen geen antwoorden meer worden gegeven.' },
			{ status: 410 }
		);
	if (!s.response) return json({ message: 'Start de scan eerst via de link.' }, { status: 403 });
	const form = await request.formData().catch(() => null);
	const parsed = body.safeParse(form ? Object.fromEntries(form) : null);
	if (!parsed.success)
		return json({ message: 'Dit antwoord kon niet worden gelezen.' }, { status: 400 });
	const saved =
		'item' in parsed.data
			? await saveAnswer(s, s.response.id, parsed.data.item, Number(parsed.data.value))
			: saveComment(s, s.response.id, parsed.data.theme, parsed.data.comment);
	if (!saved.ok) return json({ message: saved.message }, { status: 422 });
	return json({ saved: true, hidden: 'hidden' in saved ? saved.hidden : [] });
};
