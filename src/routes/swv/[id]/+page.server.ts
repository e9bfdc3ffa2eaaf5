import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { roundForm } from '$lib/server/rounds/forms';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import { invitationFailure, sendInvitation } from '$lib/server/accounts/invitations';
import { openOwnRound, openSchoolRounds, schoolOfSwv, swvHome } from '$lib/server/swv/home';
import type { MemberTarget } from '$lib/server/auth/access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	return swvHome(db, getQuestionnaires(), swvFor(db, me, Number(params.id)));
};

const inviteSchema = z.object({
	email: fields.email,
	/** "swv" for a co-coordinator of the SWV, or the id of one of its schools. */
	target: z.union([z.literal('swv'), fields.id], { error: 'Kies voor wie de uitnodiging is.' })
});

/** An SWV coordinator's form that opens rounds: who, which SWV, and the parsed round fields. */
async function roundRequest(
	{ locals, url, params, request }: RequestEvent,
	questionnaireId: 'swv-scan' | 'school-scan'
) {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const registry = getQuestionnaires();
	const parsed = await parseForm(request, roundForm(registry, questionnaireId), [
		'title',
		'closesAt',
		'minRespondents',
		'form'
	]);
	return { me, db, s, registry, parsed };
}

export const actions: Actions = {
	/** The SWV's own scan, answered by its staff, boards and OPR. */
	'eigen-ronde': async (event) => {
		const { me, db, s, registry, parsed } = await roundRequest(event, 'swv-scan');
		if ('failure' in parsed) return parsed.failure;
		redirect(303, `/rondes/${openOwnRound(db, registry, s, parsed.data, me)}`);
	},
	/** One round for each chosen active school, same version and dates; shared with the SWV. */
	'ronde-scholen': async (event) => {
		const { me, db, s, registry, parsed } = await roundRequest(event, 'school-scan');
		if ('failure' in parsed) return parsed.failure;
		const chosen = z
			.array(fields.id)
			.safeParse(parsed.form.getAll('schoolIds').filter((v) => typeof v === 'string'));
		const schools = chosen.success
			? openSchoolRounds(db, registry, s, parsed.data, chosen.data, me)
			: [];
		if (schools.length === 0)
			return invalid(400, {
				message: 'Kies minstens één school van dit samenwerkingsverband.',
				errors: { schoolIds: 'Kies minstens één school.' },
				values: { form: 'schools' }
			});
		return {
			saved: `Er is een ronde geopend voor ${schools.length} scholen. Hun coördinatoren zien de link op hun schoolpagina.`
		};
	},
	uitnodigen: async (event) => {
		const me = requireUser(event.locals, event.url);
		const db = getDb();
		const s = swvFor(db, me, Number(event.params.id));
		const parsed = await parseForm(event.request, inviteSchema, ['email', 'target']);
		if ('failure' in parsed) return parsed.failure;
		const { email, target } = parsed.data;
		let to: MemberTarget;
		if (target === 'swv') to = { scope: 'swv', swv: s };
		else {
			const school = schoolOfSwv(db, s, target);
			if (!school)
				return invalid(400, {
					message: 'Controleer de gemarkeerde velden.',
					errors: { target: 'Deze school hoort niet bij dit samenwerkingsverband.' },
					values: { email }
				});
			to = { scope: 'school', school };
		}
		const result = await sendInvitation(db, me, email, to, event.url.origin);
		return invitationFailure(result, email) ?? { invited: email };
	}
};
