import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { findPasswordReset, resetPassword } from '$lib/server/auth/password-reset';
import { invalid, parseForm, withNewPassword } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

const INVALID = 'Deze link is niet (meer) geldig. Vraag een nieuwe aan via "wachtwoord vergeten".';

export const load: PageServerLoad = ({ params }) => {
	if (!findPasswordReset(getDb(), params.token)) error(410, INVALID);
	return {};
};

const schema = withNewPassword({});

export const actions: Actions = {
	default: async ({ request, params }) => {
		if (!findPasswordReset(getDb(), params.token)) return invalid(410, { message: INVALID });
		const parsed = await parseForm(request, schema);
		if ('failure' in parsed) return parsed.failure;
		if (!(await resetPassword(getDb(), params.token, parsed.data.password))) {
			return invalid(410, { message: INVALID, errors: {}, values: {} });
		}
		redirect(303, '/inloggen?hersteld');
	}
};
