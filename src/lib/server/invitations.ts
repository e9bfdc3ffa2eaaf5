import { and, eq, isNull } from 'drizzle-orm';
import { audit } from './audit';
import { hashToken, type SessionUser } from './auth/session';
import { generateLinkToken, looksLikeToken } from './auth/tokens';
import type { Db } from './db/open';
import { invitation, membership, school, swv, user } from './db/schema';
import { sendMail } from './mail';

export const INVITATION_DAYS = 7;

export type InvitationTarget =
	{ scope: 'swv'; swvId: number } | { scope: 'school'; schoolId: number };
export type InvitationRow = typeof invitation.$inferSelect;

/** What the invitation is for, in words: "coördinator van OBS De Regenboog". */
export function invitationTargetName(
	db: Db,
	inv: Pick<InvitationRow, 'scope' | 'schoolId' | 'swvId'>
): string {
	if (inv.scope === 'school' && inv.schoolId) {
		const s = db
			.select({ name: school.name })
			.from(school)
			.where(eq(school.id, inv.schoolId))
			.get();
		return `coördinator van ${s?.name ?? 'een school'}`;
	}
	if (inv.scope === 'swv' && inv.swvId) {
		const s = db.select({ name: swv.name }).from(swv).where(eq(swv.id, inv.swvId)).get();
		return `coördinator van ${s?.name ?? 'een samenwerkingsverband'}`;
	}
	return 'beheerder';
}

function alreadyMember(db: Db, email: string, target: InvitationTarget): boolean {
	const u = db.select({ id: user.id }).from(user).where(eq(user.email, email)).get();
	if (!u) return false;
	const cond =
		target.scope === 'swv'
			? eq(membership.swvId, target.swvId)
			: eq(membership.schoolId, target.schoolId);
	return !!db
		.select()
		.from(membership)
		.where(and(eq(membership.userId, u.id), cond))
		.get();
}

/**
 * Sends a single-use invitation valid for seven days; an open invitation for the same person
 * and scope is withdrawn, so only the newest link works. Returns false when the person already
 * has this role.
 */
export async function sendInvitation(
	db: Db,
	inviter: SessionUser,
	email: string,
	target: InvitationTarget,
	origin: string
): Promise<boolean> {
	if (alreadyMember(db, email, target)) return false;
	const token = generateLinkToken();
	const values = {
		tokenHash: hashToken(token),
		email,
		scope: target.scope,
		schoolId: target.scope === 'school' ? target.schoolId : null,
		swvId: target.scope === 'swv' ? target.swvId : null,
		invitedBy: inviter.id,
		expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000)
	};
	const id = db.transaction((tx) => {
		tx.update(invitation)
			.set({ revokedAt: new Date() })
			.where(
				and(
					eq(invitation.email, email),
					eq(invitation.scope, target.scope),
					target.scope === 'school'
						? eq(invitation.schoolId, target.schoolId)
						: eq(invitation.swvId, target.swvId),
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt)
				)
			)
			.run();
		return tx.insert(invitation).values(values).returning({ id: invitation.id }).get().id;
	});
	const what = invitationTargetName(db, values);
	await sendMail({
		to: email,
		subject: `Uitnodiging: ${what} in de Scan Passend Onderwijs`,
		text: [
			`Beste collega,`,
			``,
			`${inviter.name} nodigt u uit als ${what} in de Scan Passend Onderwijs.`,
			`Neem de uitnodiging aan via deze link (${INVITATION_DAYS} dagen geldig, één keer te gebruiken):`,
			``,
			`${origin}/uitnodiging/${token}`,
			``,
			`Verwachtte u deze uitnodiging niet, dan kunt u dit bericht negeren.`
		].join('\n')
	});
	audit(
		db,
		inviter.id,
		'uitnodiging.verstuurd',
		{ type: 'uitnodiging', id },
		{ email, scope: target.scope, schoolId: values.schoolId, swvId: values.swvId }
	);
	return true;
}

export type InvitationState = 'geldig' | 'verlopen' | 'gebruikt' | 'ingetrokken';

export function findInvitation(
	db: Db,
	token: string
): { inv: InvitationRow; state: InvitationState } | null {
	if (!looksLikeToken(token)) return null;
	const inv = db
		.select()
		.from(invitation)
		.where(eq(invitation.tokenHash, hashToken(token)))
		.get();
	if (!inv) return null;
	const state: InvitationState = inv.acceptedAt
		? 'gebruikt'
		: inv.revokedAt
			? 'ingetrokken'
			: inv.expiresAt.getTime() <= Date.now()
				? 'verlopen'
				: 'geldig';
	return { inv, state };
}

/** Adds the membership and uses up the invitation, in one transaction. */
export function acceptInvitation(db: Db, inv: InvitationRow, userId: string): void {
	db.transaction((tx) => {
		const used = tx
			.update(invitation)
			.set({ acceptedAt: new Date() })
			.where(
				and(eq(invitation.id, inv.id), isNull(invitation.acceptedAt), isNull(invitation.revokedAt))
			)
			.run();
		if (used.changes !== 1) throw new Error('uitnodiging al gebruikt');
		if (inv.scope === 'admin') {
			tx.update(user).set({ isAdmin: true }).where(eq(user.id, userId)).run();
		} else {
			tx.insert(membership)
				.values({ userId, scope: inv.scope, schoolId: inv.schoolId, swvId: inv.swvId })
				.onConflictDoNothing()
				.run();
		}
	});
	audit(db, userId, 'uitnodiging.aangenomen', { type: 'uitnodiging', id: inv.id });
}
