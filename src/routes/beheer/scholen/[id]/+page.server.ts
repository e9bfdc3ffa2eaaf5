import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import {
	activeForm,
	clashFailure,
	SCHOOL_FIELDS,
	schoolForm
} from '$lib/server/accounts/admin-forms';
import { deleteSchool, deletionConfirmation } from '$lib/server/accounts/deletion';
import { findSchool, schoolAdminPage, updateSchool } from '$lib/server/schools/admin';
import { setSchoolActive } from '$lib/server/schools/status';
import { parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

const schoolOr404 = (id: string) =>
	findSchool(getDb(), id) ?? error(404, 'Deze school bestaat niet.');

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireAdmin(locals, url);
	return schoolAdminPage(getDb(), schoolOr404(params.id));
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = schoolOr404(params.id);
		const parsed = await parseForm(request, schoolForm, SCHOOL_FIELDS);
		if ('failure' in parsed) return parsed.failure;
		const saved = updateSchool(getDb(), s, parsed.data, me.id);
		if (!saved.ok) return clashFailure(saved, { ...parsed.data });
		return { saved: 'De school is opgeslagen.' };
	},
	status: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = schoolOr404(params.id);
		const parsed = await parseForm(request, activeForm.pick({ active: true }));
		if ('failure' in parsed) return parsed.failure;
		const closed = setSchoolActive(getDb(), s.id, parsed.data.active, me.id);
		const rounds = closed === 1 ? 'is 1 open ronde' : `zijn ${closed} open rondes`;
		return {
			saved: parsed.data.active
				? 'De school is weer actief.'
				: `De school is gedeactiveerd${closed ? `; er ${rounds} gesloten` : ''}.`
		};
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = schoolOr404(params.id);
		const parsed = await parseForm(request, deletionConfirmation);
		if ('failure' in parsed) return parsed.failure;
		deleteSchool(getDb(), s.id, me.id);
		redirect(303, `/beheer/swv/${s.swvId}?verwijderd`);
	}
};
