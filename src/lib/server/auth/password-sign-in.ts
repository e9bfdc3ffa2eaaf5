import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { user } from '../db/schema';
import { verifyPasswordOrDummy } from './password';
import { addressAttempts, signInThrottle } from './rate-limit';
import { signIn } from './sign-in';

/** Signing in with an address and a password (`/inloggen`). */

export const TOO_MANY = 'Te veel inlogpogingen. Wacht een kwartier en probeer het dan opnieuw.';
const WRONG = 'Dit e-mailadres en wachtwoord horen niet bij elkaar, of het account is niet actief.';

/** Counts a sign-in attempt from `address`; false once the address has tried too often. */
export function admitAddress(address: string): boolean {
	if (addressAttempts.blocked(address)) return false;
	addressAttempts.hit(address);
	return true;
}

export type SignInResult = { ok: true } | { ok: false; status: 400 | 429; message: string };

/**
 * Checks the password and starts a session. Failures slow the account down, and stop one address
 * after too many; every attempt is audited with the address typed, never the password. Known or
 * not, an address costs the same argon2 work, so the answer time does not reveal which exist.
 */
export async function signInWithPassword(
	db: Db,
	event: RequestEvent,
	email: string,
	password: string
): Promise<SignInResult> {
	const address = event.getClientAddress();
	const u = db.select().from(user).where(eq(user.email, email)).get();
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
		return { ok: false, status: 429, message: TOO_MANY };
	}
	if (throttle.delayMs) await sleep(throttle.delayMs);
	const ok = await verifyPasswordOrDummy(u?.active ? u.passwordHash : null, password);
	if (!u || !ok) {
		signInThrottle.failed(email, address);
		failed(u ? 'wachtwoord of account' : 'onbekend adres');
		return { ok: false, status: 400, message: WRONG };
	}
	signInThrottle.succeeded(email, address);
	signIn(db, event, u.id);
	audit(db, u.id, 'account.ingelogd', { type: 'account', id: u.id });
	return { ok: true };
}
