import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { admitAddress, signInWithPassword, TOO_MANY } from '$lib/server/auth/password-sign-in';
import { safeRedirect } from '$lib/server/auth/sign-in';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('naar')));
	return { reset: url.searchParams.has('hersteld') };
};

const schema = z.object({ email: fields.email, password: fields.password });

export const actions: Actions = {
	default: async (event) => {
		if (!admitAddress(event.getClientAddress()))
			return invalid(429, { message: TOO_MANY, errors: {}, values: {} });
		const parsed = await parseForm(event.request, schema, ['email']);
		if ('failure' in parsed) return parsed.failure;
		const { email, password } = parsed.data;
		const result = await signInWithPassword(getDb(), event, email, password);
		if (!result.ok) return invalid(result.status, { message: result.message, values: { email } });
		redirect(303, safeRedirect(event.url.searchParams.get('naar')));
	}
};
