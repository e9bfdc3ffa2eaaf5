import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { audit } from '$lib/server/ops/audit';
import { verifyPasswordOrDummy } from '$lib/server/auth/password';
import { addressAttempts, signInThrottle } from '$lib/server/auth/rate-limit';
import { safeRedirect, signIn } from '$lib/server/auth/sign-in';
import { user } from '$lib/server/db/schema';
import { fields, invalid, parseForm } from '$lib/server/http/form';
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
		const db = getDb();
		const u = db.select().from(user).where(eq(user.email, email)).get();
		// Failed sign-ins are audited with the address typed, never the password.
		const failed = (reason: string) =>
			audit(
				db,
				u?.id ?? null,
				'account.inloggen-mislukt',
				{ type: 'account', id: u?.id },
				{ email, address, reason }
			);
		const throttle = signInThrottle.check(email, address);
		if (throttle.refused) {
			failed('te veel pogingen');
			return invalid(429, { message: TOO_MANY, errors: {}, values: { email } });
		}
		if (throttle.delayMs) await sleep(throttle.delayMs);
		// Known or not, the same argon2 work: the answer time does not reveal which accounts exist.
		const ok = await verifyPasswordOrDummy(u?.active ? u.passwordHash : null, password);
		if (!u || !ok) {
			signInThrottle.failed(email, address);
			failed(u ? 'wachtwoord of account' : 'onbekend adres');
			return invalid(400, { message: WRONG, errors: {}, values: { email } });
		}
		signInThrottle.succeeded(email, address);
		signIn(db, event, u.id);
		audit(db, u.id, 'account.ingelogd', { type: 'account', id: u.id });
		redirect(303, safeRedirect(event.url.searchParams.get('naar')));
	}
};
