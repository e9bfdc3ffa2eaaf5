import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { changePassword, renameAccount } from '$lib/server/accounts/profile';
import { fields, invalid, parseForm, withNewPassword } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const u = requireUser(locals, url);
	return { account: { name: u.name, email: u.email } };
};

const passwordSchema = withNewPassword({ current: fields.password });

export const actions: Actions = {
	naam: async (event) => {
		const me = requireUser(event.locals, event.url);
		const parsed = await parseForm(event.request, z.object({ name: fields.name }), ['name']);
		if ('failure' in parsed) return parsed.failure;
		renameAccount(getDb(), me, parsed.data.name);
		// The layout renders after this action: show the new name there too.
		event.locals.user = { ...me, name: parsed.data.name };
		return { saved: 'naam' as const };
	},
	/** A new password signs the account out everywhere, then in again here. */
	wachtwoord: async (event) => {
		const me = requireUser(event.locals, event.url);
		const parsed = await parseForm(event.request, passwordSchema);
		if ('failure' in parsed) return parsed.failure;
		const { current, password } = parsed.data;
		if (!(await changePassword(getDb(), event, me, current, password)))
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { current: 'Dit is niet uw huidige wachtwoord.' },
				values: {}
			});
		return { saved: 'wachtwoord' as const };
	}
};
