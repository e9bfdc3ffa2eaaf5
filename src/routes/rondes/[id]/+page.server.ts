import { endOfDutchDay } from '$lib/domain/format';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { invitationText } from '$lib/domain/invitation';
import { invalid, parseForm } from '$lib/server/http/form';
import { roundFor } from '$lib/server/rounds/rounds';
import {
	closeRound,
	deleteRound,
	extendRound,
	renewShareLink,
	reopenRound,
	roundOverview,
	type Outcome
} from '$lib/server/rounds/manage';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function mine(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const me = requireUser(event.locals, event.url);
	const db = getDb();
	return { me, db, r: roundFor(db, me, Number(event.params.id)) };
}

export const load: PageServerLoad = (event) => {
	const { db, r } = mine(event);
	const { shareToken, invitation, ...overview } = roundOverview(
		db,
		getQuestionnaires(),
		r,
		event.url.origin
	);
	const link = `${event.url.origin}/s/${shareToken}`;
	return {
		...overview,
		link,
		invitation: invitationText({
			...invitation,
			link,
			minRespondents: r.minRespondents,
			closesAt: r.closesAt
		})
	};
};

const dateForm = z.object({
	closesAt: z
		.string({ error: 'Vul een datum in.' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Vul een datum in, zoals 2026-12-18.' })
		.transform((v) => endOfDutchDay(v))
		.refine((d) => !Number.isNaN(d.getTime()), { error: 'Vul een bestaande datum in.' })
});

/** The answer to a form: the saved message, or the refusal as a 4xx. */
const reply = (o: Outcome, saved: string) =>
	o.ok ? { saved } : invalid(o.status, { message: o.message });

export const actions: Actions = {
	sluiten: (event) => {
		const { me, db, r } = mine(event);
		return reply(
			closeRound(db, getQuestionnaires(), me.id, r),
			'De ronde is gesloten. Er kunnen geen antwoorden meer worden gegeven.'
		);
	},
	heropenen: (event) => {
		const { me, db, r } = mine(event);
		return reply(reopenRound(db, me.id, r), 'De ronde is weer open.');
	},
	verlengen: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(event.request, dateForm, ['closesAt']);
		if ('failure' in parsed) return parsed.failure;
		const o = extendRound(db, me.id, r, parsed.data.closesAt);
		if (!o.ok && o.status === 400)
			return invalid(400, {
				message: 'De datum is niet opgeslagen.',
				errors: { closesAt: o.message },
				values: { closesAt: '' }
			});
		return reply(o, 'De sluitingsdatum is aangepast.');
	},
	'nieuwe-link': (event) => {
		const { me, db, r } = mine(event);
		return reply(
			renewShareLink(db, me.id, r),
			'Er is een nieuwe link gemaakt; de oude link werkt niet meer. Wie al begonnen was, kan verder met de nieuwe link.'
		);
	},
	verwijderen: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(
			event.request,
			z.object({ confirm: z.literal('verwijder', { error: 'Typ "verwijder" om te bevestigen.' }) })
		);
		if ('failure' in parsed) return parsed.failure;
		redirect(303, `${deleteRound(db, me.id, r)}?verwijderd`);
	}
};
