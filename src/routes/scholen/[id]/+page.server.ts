import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, schoolFor } from '$lib/server/auth/access';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import { invitationFailure, sendInvitation } from '$lib/server/accounts/invitations';
import { roundForm } from '$lib/server/rounds/forms';
import { companionFields } from '$lib/server/rounds/companion';
import { openSchoolRound, roundRefusal, schoolPage } from '$lib/server/schools/page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = schoolFor(db, me, Number(params.id), 'oversee');
	return schoolPage(db, getQuestionnaires(), me, s);
};

export const actions: Actions = {
	uitnodigen: async (event) => {
		const me = requireUser(event.locals, event.url);
		const db = getDb();
		const s = schoolFor(db, me, Number(event.params.id), 'oversee');
		const parsed = await parseForm(event.request, z.object({ email: fields.email }), ['email']);
		if ('failure' in parsed) return parsed.failure;
		const { email } = parsed.data;
		const result = await sendInvitation(
			db,
			me,
			email,
			{ scope: 'school', school: s },
			event.url.origin
		);
		return invitationFailure(result, email) ?? { invited: email };
	},
	ronde: async ({ locals, url, params, request }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const s = schoolFor(db, me, Number(params.id), 'coordinate');
		const refusal = roundRefusal(s);
		if (refusal) return invalid(409, { message: refusal });
		const registry = getQuestionnaires();
		const parsed = await parseForm(
			request,
			roundForm(registry, 'school-scan').extend(companionFields(registry, 'school-scan')),
			['title', 'closesAt', 'minRespondents', 'companion', 'companionMinRespondents']
		);
		if ('failure' in parsed) return parsed.failure;
		const id = openSchoolRound(db, registry, s, parsed.data, me.id);
		redirect(303, `/rondes/${id}`);
	}
};
