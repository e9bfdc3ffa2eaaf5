import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { addressAttempts } from '$lib/server/auth/rate-limit';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import type { Actions } from './$types';

const schema = z.object({ email: fields.email });

export const actions: Actions = {
	default: async (event) => {
		const address = event.getClientAddress();
		if (addressAttempts.blocked(address)) {
			return invalid(429, {
				message: 'Te veel aanvragen. Wacht een kwartier en probeer het dan opnieuw.',
				errors: {},
				values: {}
			});
		}
		addressAttempts.hit(address);
		const parsed = await parseForm(event.request, schema, ['email']);
		if ('failure' in parsed) return parsed.failure;
		requestPasswordReset(getDb(), parsed.data.email, event.url.origin);
		// The same answer whether or not the address has an account.
		return { sent: true, email: parsed.data.email };
	}
};
