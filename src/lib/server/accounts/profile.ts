import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { hashPassword, verifyPasswordHash } from '../auth/password';
import { endPasswordResets } from '../auth/password-reset';
import { invalidateUserSessions, type SessionUser } from '../auth/session';
import { signIn } from '../auth/sign-in';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { user } from '../db/schema';

/** What a signed-in user changes of their own account (`/account`). */

export function renameAccount(db: Db, me: SessionUser, name: string): void {
	db.update(user).set({ name }).where(eq(user.id, me.id)).run();
	audit(db, me.id, 'account.naam-gewijzigd', { type: 'account', id: me.id });
}

/**
 * A new password, given the current one: the account is signed out everywhere (and its reset
 * links stop working), then signed in again on this request. False when `current` is wrong.
 */
export async function changePassword(
	db: Db,
	event: RequestEvent,
	me: SessionUser,
	current: string,
	password: string
): Promise<boolean> {
	const row = db.select().from(user).where(eq(user.id, me.id)).get();
	if (!row?.passwordHash || !(await verifyPasswordHash(row.passwordHash, current))) return false;
	db.update(user)
		.set({ passwordHash: await hashPassword(password) })
		.where(eq(user.id, me.id))
		.run();
	invalidateUserSessions(db, me.id);
	endPasswordResets(db, me.id);
	signIn(db, event, me.id);
	audit(db, me.id, 'account.wachtwoord-gewijzigd', { type: 'account', id: me.id });
	return true;
}
