import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { roundResults } from '$lib/server/results/round-results';
import {
	makeTeamLink,
	releaseView,
	revokeTeamLink,
	shareWithSwv,
	stopSharing
} from '$lib/server/results/sharing';
import { roundFor } from '$lib/server/rounds/rounds';
import { invalid, parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function mine(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const me = requireUser(event.locals, event.url);
	const db = getDb();
	return { me, db, r: roundFor(db, me, Number(event.params.id)) };
}

/** A round's results for its coordinators, with the comments and the team's read-only link. */
export const load: PageServerLoad = (event) => {
	const { db, r } = mine(event);
	return {
		...roundResults(db, getQuestionnaires(), r, true),
		teamLink: r.resultsToken ? `${event.url.origin}/uitkomsten/${r.resultsToken}` : null,
		release: releaseView(db, r)
	};
};

const releaseForm = z.object({
	note: z
		.string({ error: 'De toelichting kon niet worden gelezen.' })
		.trim()
		.max(1000, { error: 'Een toelichting is hoogstens 1000 tekens.' })
		.optional()
		.transform((v) => v || null),
	confirm: z.literal('ja', { error: 'Vink aan om te bevestigen.' }).optional()
});

export const actions: Actions = {
	/** Shares the round's results with the SWV, or changes the explanation beside them. */
	vrijgeven: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(event.request, releaseForm, ['note']);
		if ('failure' in parsed) return parsed.failure;
		const d = parsed.data;
		const o = shareWithSwv(db, me.id, r, d.note, d.confirm === 'ja');
		if (!o.ok)
			return invalid(o.status, {
				message: o.field ? 'Controleer de gemarkeerde velden.' : o.message,
				errors: o.field ? { [o.field]: o.message } : {},
				values: { note: d.note ?? '' }
			});
		return {
			saved: o.first
				? 'De uitkomsten zijn gedeeld met het samenwerkingsverband.'
				: 'De toelichting is opgeslagen.'
		};
	},
	/** Takes back a release the school made itself; rounds the SWV opened stay shared. */
	'delen-stoppen': async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(
			event.request,
			z.object({ confirm: z.literal('ja', { error: 'Bevestig dat u wilt stoppen met delen.' }) })
		);
		if ('failure' in parsed) return parsed.failure;
		const o = stopSharing(db, me.id, r);
		if (!o.ok) return invalid(o.status, { message: o.message });
		return { saved: 'Het samenwerkingsverband ziet de uitkomsten van deze ronde niet meer.' };
	},
	/** A read-only link for the team: the results without the comments. */
	delen: (event) => {
		const { me, db, r } = mine(event);
		makeTeamLink(db, me.id, r);
		return {
			saved: 'Er is een leeslink voor het team gemaakt; een eerdere leeslink werkt niet meer.'
		};
	},
	intrekken: (event) => {
		const { me, db, r } = mine(event);
		revokeTeamLink(db, me.id, r);
		return { saved: 'De leeslink werkt niet meer.' };
	}
};
