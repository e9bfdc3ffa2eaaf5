import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import {
	activeForm,
	clashFailure,
	SCHOOL_FIELDS,
	schoolForm,
	swvForm
} from '$lib/server/accounts/admin-forms';
import { deleteSwv, deletionConfirmation } from '$lib/server/accounts/deletion';
import { fields, parseForm } from '$lib/server/http/form';
import { invitationFailure, sendInvitation } from '$lib/server/accounts/invitations';
import { createSchool } from '$lib/server/schools/admin';
import { findSwv, setSwvActive, swvAdminPage, updateSwv } from '$lib/server/swv/admin';
import type { Actions, PageServerLoad } from './$types';

const swvOr404 = (id: string) =>
	findSwv(getDb(), id) ?? error(404, 'Dit samenwerkingsverband bestaat niet.');

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireAdmin(locals, url);
	return swvAdminPage(getDb(), swvOr404(params.id));
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvOr404(params.id);
		const parsed = await parseForm(request, swvForm, ['code', 'name']);
		if ('failure' in parsed) return parsed.failure;
		const saved = updateSwv(getDb(), s.id, parsed.data, me.id);
		if (!saved.ok) return clashFailure(saved, parsed.data);
		return { saved: 'Het samenwerkingsverband is opgeslagen.' };
	},
	status: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvOr404(params.id);
		const parsed = await parseForm(request, activeForm.pick({ active: true }));
		if ('failure' in parsed) return parsed.failure;
		setSwvActive(getDb(), s.id, parsed.data.active, me.id);
		return {
			saved: parsed.data.active
				? 'Het samenwerkingsverband is weer actief.'
				: 'Het samenwerkingsverband is gedeactiveerd.'
		};
	},
	school: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvOr404(params.id);
		const parsed = await parseForm(request, schoolForm, SCHOOL_FIELDS);
		if ('failure' in parsed) return parsed.failure;
		const created = createSchool(getDb(), s.id, parsed.data, me.id);
		if (!created.ok) return clashFailure(created, { ...parsed.data });
		return { saved: `${parsed.data.name} is toegevoegd.` };
	},
	uitnodigen: async (event) => {
		const me = requireAdmin(event.locals, event.url);
		const s = swvOr404(event.params.id);
		const parsed = await parseForm(event.request, z.object({ email: fields.email }), ['email']);
		if ('failure' in parsed) return parsed.failure;
		const { email } = parsed.data;
		const result = await sendInvitation(
			getDb(),
			me,
			email,
			{ scope: 'swv', swv: s },
			event.url.origin
		);
		return (
			invitationFailure(result, email) ?? { saved: `Er is een uitnodiging gestuurd naar ${email}.` }
		);
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvOr404(params.id);
		const parsed = await parseForm(request, deletionConfirmation);
		if ('failure' in parsed) return parsed.failure;
		deleteSwv(getDb(), s.id, me.id);
		redirect(303, '/beheer/swv?verwijderd');
	}
};
