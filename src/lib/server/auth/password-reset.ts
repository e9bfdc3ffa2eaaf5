import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit';
import type { Db } from '../db/open';
import { passwordReset, user } from '../db/schema';
import { sendMail } from '../mail';
import { hashPassword } from './password';
import { hashToken, invalidateUserSessions } from './session';
import { generateLinkToken, looksLikeToken } from './tokens';

const RESET_MINUTES = 60;

/** Mails a reset link when the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(db: Db, email: string, origin: string): Promise<void> {
	const u = db.select().from(user).where(eq(user.email, email)).get();
	if (!u || !u.active) return;
	const token = generateLinkToken();
	db.insert(passwordReset)
		.values({
			tokenHash: hashToken(token),
			userId: u.id,
			expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000)
		})
		.run();
	await sendMail({
		to: u.email,
		subject: 'Nieuw wachtwoord voor de Scan Passend Onderwijs',
		text: [
			`Beste ${u.name},`,
			``,
			`Via deze link kiest u een nieuw wachtwoord (${RESET_MINUTES} minuten geldig, één keer te gebruiken):`,
			``,
			`${origin}/wachtwoord-herstellen/${token}`,
			``,
			`Heeft u dit niet aangevraagd, dan kunt u dit bericht negeren; uw wachtwoord blijft dan hetzelfde.`
		].join('\n')
	});
	audit(db, u.id, 'wachtwoord.herstel-aangevraagd', { type: 'account', id: u.id });
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

/** Sets the new password, uses up the link and signs the account out everywhere. */
export async function resetPassword(db: Db, token: string, password: string): Promise<boolean> {
	const row = findPasswordReset(db, token);
	if (!row) return false;
	const passwordHash = await hashPassword(password);
	const done = db.transaction((tx) => {
		const used = tx
			.update(passwordReset)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordReset.tokenHash, row.tokenHash), isNull(passwordReset.usedAt)))
			.run();
		if (used.changes !== 1) return false;
		tx.update(user).set({ passwordHash }).where(eq(user.id, row.userId)).run();
		return true;
	});
	if (!done) return false;
	invalidateUserSessions(db, row.userId);
	audit(db, row.userId, 'wachtwoord.hersteld', { type: 'account', id: row.userId });
	return true;
}
