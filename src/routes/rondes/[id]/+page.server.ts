import { endOfDutchDay } from '$lib/domain/format';
import { redirect, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { invitationText } from '$lib/domain/invitation';
import { invalid, parseForm, type FormFailure } from '$lib/server/http/form';
import { roundFor } from '$lib/server/rounds/rounds';
import { cancelReminder, setReminder } from '$lib/server/rounds/reminders';
import { REMINDER_DAYS } from '$lib/domain/reminders';
import {
	closeRound,
	deleteRound,
	extendRound,
	renewShareLink,
	reopenRound,
	roundOverview,
	setTeamSize,
	type Outcome
} from '$lib/server/rounds/manage';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function mine(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const me = requireUser(event.locals, event.url);
	const db = getDb();
	return { me, db, r: roundFor(db, me, Number(event.params.id)) };
}

export const load: PageServerLoad = (event) => {
	const { me, db, r } = mine(event);
	const { shareToken, invitation, ...overview } = roundOverview(
		db,
		getQuestionnaires(),
		r,
		me.id,
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

const teamSizeForm = z.object({
	teamSize: z
		.string({ error: 'Vul het aantal uitgenodigden in, of laat het veld leeg.' })
		.trim()
		.max(10, { error: 'Vul een heel getal van 1 tot en met 1000 in.' })
		.transform((v, ctx) => {
			if (v === '') return null;
			const n = /^\d+$/.test(v) ? Number(v) : NaN;
			if (!Number.isInteger(n) || n < 1 || n > 1000) {
				ctx.issues.push({
					code: 'custom',
					input: v,
					message: 'Vul een heel getal van 1 tot en met 1000 in.'
				});
				return z.NEVER;
			}
			return n;
		})
});

const reminderKind = z.enum(['closing', 'minimum'], { error: 'Kies een soort herinnering.' });

const reminderForm = z.discriminatedUnion(
	'kind',
	[
		z.object({
			kind: z.literal('closing'),
			daysBefore: z.coerce
				.number({ error: 'Vul een aantal dagen in.' })
				.int({ error: 'Vul een heel aantal dagen in.' })
				.min(REMINDER_DAYS.min, { error: 'Vul een aantal dagen van 1 tot en met 14 in.' })
				.max(REMINDER_DAYS.max, { error: 'Vul een aantal dagen van 1 tot en met 14 in.' })
		}),
		z.object({ kind: z.literal('minimum') })
	],
	{ error: 'Kies een soort herinnering.' }
);

/** The answer to a form: the saved message, or the refusal as a 4xx. */
const reply = (o: Outcome, saved: string) =>
	o.ok ? { saved } : invalid(o.status, { message: o.message });

/**
 * The team-size and reminder forms answer beside themselves (`section`), not at the top of the
 * page: the message is where the coordinator is, and focus moves to it.
 */
type Section = 'teamgrootte' | 'herinneringen';
const sectionReply = (
	section: Section,
	o: { ok: true } | { ok: false; status: number; message: string },
	saved: string
) => (o.ok ? { saved, section } : invalid(o.status, { message: o.message, values: { section } }));
const sectionFailure = (section: Section, f: ActionFailure<FormFailure>) => {
	f.data.values.section = section;
	return f;
};

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
	teamgrootte: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(event.request, teamSizeForm, ['teamSize']);
		if ('failure' in parsed) return sectionFailure('teamgrootte', parsed.failure);
		const n = parsed.data.teamSize;
		return sectionReply(
			'teamgrootte',
			setTeamSize(db, me.id, r, n),
			n === null
				? 'Het aantal uitgenodigden is gewist.'
				: `Het aantal uitgenodigden is opgeslagen: ${n}.`
		);
	},
	herinnering: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(event.request, reminderForm, ['daysBefore']);
		if ('failure' in parsed) return sectionFailure('herinneringen', parsed.failure);
		const d = parsed.data;
		const o = setReminder(db, me.id, r, d.kind, d.kind === 'closing' ? d.daysBefore : null);
		if (!o.ok && o.field)
			return invalid(o.status, {
				message: 'De herinnering is niet opgeslagen.',
				errors: { [o.field]: o.message },
				values: {
					section: 'herinneringen',
					...(d.kind === 'closing' ? { daysBefore: String(d.daysBefore) } : {})
				}
			});
		return sectionReply(
			'herinneringen',
			o,
			d.kind === 'closing'
				? `U krijgt een mail ${d.daysBefore} ${d.daysBefore === 1 ? 'dag' : 'dagen'} voor de sluitingsdatum.`
				: 'U krijgt een mail zodra het minimum is bereikt.'
		);
	},
	'herinnering-stoppen': async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(event.request, z.object({ kind: reminderKind }));
		if ('failure' in parsed) return sectionFailure('herinneringen', parsed.failure);
		cancelReminder(db, me.id, r, parsed.data.kind);
		return {
			saved: 'De herinnering is geschrapt: u krijgt deze mail niet.',
			section: 'herinneringen' as const
		};
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
