import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { clashFailure, swvForm } from '$lib/server/accounts/admin-forms';
import { parseForm } from '$lib/server/http/form';
import { createSwv, swvList } from '$lib/server/swv/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	return { swvs: swvList(getDb()) };
};

export const actions: Actions = {
	aanmaken: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, swvForm, ['code', 'name']);
		if ('failure' in parsed) return parsed.failure;
		const created = createSwv(getDb(), parsed.data, me.id);
		if (!created.ok) return clashFailure(created, parsed.data);
		redirect(303, `/beheer/swv/${created.id}`);
	}
};
