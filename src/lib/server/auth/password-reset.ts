import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { passwordReset, user } from '../db/schema';
import { sendMailLater } from '../mail/mail';
import { hashPassword } from './password';
import { hashToken, invalidateUserSessions } from './session';
import { generateLinkToken, looksLikeToken } from './tokens';

const RESET_MINUTES = 60;

/**
 * Mails a reset link when the address belongs to an active account; says nothing either way.
 * Both paths do the same work before answering (one transaction with an audit row; the link is
 * stored first, then mailed in the background), so neither the answer, its time, nor a mail
 * server that is down tells which addresses have an account.
 */
export function requestPasswordReset(db: Db, email: string, origin: string): void {
	const u = db.select().from(user).where(eq(user.email, email)).get();
	const known = u?.active ? u : null;
	const token = generateLinkToken();
	db.transaction(() => {
		if (known)
			db.insert(passwordReset)
				.values({
					tokenHash: hashToken(token),
					userId: known.id,
					expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000)
				})
				.run();
		audit(
			db,
			known?.id ?? null,
			'wachtwoord.herstel-aangevraagd',
			{ type: 'account', id: known?.id },
			known ? undefined : { email, account: 'geen actief account' }
		);
	});
	if (!known) return;
	sendMailLater({
		to: known.email,
		subject: 'Nieuw wachtwoord voor de Scan Passend Onderwijs',
		text: [
			`Beste collega,`,
			``,
			`Via deze link kiest u een nieuw wachtwoord (${RESET_MINUTES} minuten geldig, één keer te gebruiken):`,
			``,
			`${origin}/wachtwoord-herstellen/${token}`,
			``,
			`Heeft u dit niet aangevraagd, dan kunt u dit bericht negeren; uw wachtwoord blijft dan hetzelfde.`
		].join('\n')
	});
}

export function findPasswordReset(db: Db, token: string) {
	if (!looksLikeToken(token)) return null;
	const row = db
		.select()
		.from(passwordReset)
		.where(eq(passwordReset.tokenHash, hashToken(token)))
		.get();
	if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
	return row;
}

/** Ends every open reset link of an account: after a reset or a password change none works. */
export function endPasswordResets(db: Db, userId: string): void {
	db.update(passwordReset)
		.set({ usedAt: new Date() })
		.where(and(eq(passwordReset.userId, userId), isNull(passwordReset.usedAt)))
		.run();
}

/** Sets the new password, uses up every open link and signs the account out everywhere. */
export async function resetPassword(db: Db, token: string, password: string): Promise<boolean> {
	const row = findPasswordReset(db, token);
	if (!row) return false;
	const passwordHash = await hashPassword(password);
	const done = db.transaction(() => {
		const used = db
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.tokenHash, row.tokenHash), isNull(passwordReset.usedAt)))
			.run();
		if (used.changes !== 1) return false;
		endPasswordResets(db, row.userId);
		db.update(user).set({ passwordHash }).where(eq(user.id, row.userId)).run();
		return true;
	});
	if (!done) return false;
	invalidateUserSessions(db, row.userId);
	audit(db, row.userId, 'wachtwoord.hersteld', { type: 'account', id: row.userId });
	return true;
}
