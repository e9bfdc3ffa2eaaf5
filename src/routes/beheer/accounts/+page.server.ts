import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { fields, parseForm } from '$lib/server/http/form';
import {
	accountsOverview,
	resendInvitation,
	revokeInvitation,
	revokeRole,
	setAccountActive
} from '$lib/server/accounts/admin';
import { answer, removeForm } from '$lib/server/accounts/member-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const me = requireAdmin(locals, url);
	return { me: me.id, ...accountsOverview(getDb()) };
};

const statusForm = z.object({
	id: z.string().uuid({ error: 'Onbekend account.' }),
	active: z.enum(['true', 'false'], { error: 'Onbekende status.' })
});
const invitationForm = z.object({ id: fields.id });

export const actions: Actions = {
	/** One role taken away; the account and its other roles stay. */
	rolintrekken: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, removeForm);
		if ('failure' in parsed) return parsed.failure;
		const { id, confirm } = parsed.data;
		return answer(revokeRole(getDb(), me, id, confirm === 'ja'));
	},
	status: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, statusForm);
		if ('failure' in parsed) return parsed.failure;
		return answer(setAccountActive(getDb(), me, parsed.data.id, parsed.data.active === 'true'));
	},
	opnieuw: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, invitationForm);
		if ('failure' in parsed) return parsed.failure;
		return answer(await resendInvitation(getDb(), me, parsed.data.id, url.origin));
	},
	intrekken: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, invitationForm);
		if ('failure' in parsed) return parsed.failure;
		return answer(revokeInvitation(getDb(), me, parsed.data.id));
	}
};
