import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { audit } from '$lib/server/audit';
import { verifyPasswordHash } from '$lib/server/auth/password';
import { accountFailures, addressAttempts } from '$lib/server/auth/rate-limit';
import { safeRedirect, signIn } from '$lib/server/auth/sign-in';
import { user } from '$lib/server/db/schema';
import { fields, invalid, parseForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('naar')));
	return { reset: url.searchParams.has('hersteld') };
};

const schema = z.object({ email: fields.email, password: fields.password });
const TOO_MANY = 'Te veel inlogpogingen. Wacht een kwartier en probeer het dan opnieuw.';
const WRONG = 'Dit e-mailadres en wachtwoord horen niet bij elkaar, of het account is niet actief.';

export const actions: Actions = {
	default: async (event) => {
		const address = event.getClientAddress();
		if (addressAttempts.blocked(address))
			return invalid(429, { message: TOO_MANY, errors: {}, values: {} });
		addressAttempts.hit(address);
		const parsed = await parseForm(event.request, schema, ['email']);
		if ('failure' in parsed) return parsed.failure;
		const { email, password } = parsed.data;
		if (accountFailures.blocked(email)) {
			return invalid(429, { message: TOO_MANY, errors: {}, values: { email } });
		}
		const db = getDb();
		const u = db.select().from(user).where(eq(user.email, email)).get();
		const ok =
			!!u?.passwordHash && u.active && (await verifyPasswordHash(u.passwordHash, password));
		if (!u || !ok) {
			accountFailures.hit(email);
			return invalid(400, { message: WRONG, errors: {}, values: { email } });
		}
		accountFailures.reset(email);
		signIn(db, event, u.id);
		audit(db, u.id, 'account.ingelogd', { type: 'account', id: u.id });
		redirect(303, safeRedirect(event.url.searchParams.get('naar')));
	}
};
