import { and, eq, isNull, ne } from 'drizzle-orm';
import { oneLine, quoted } from '$lib/domain/mail-text';
import {
	acceptanceRefusal,
	invitationRefusal,
	membershipIn,
	type MemberTarget
} from '../auth/access';
import { audit } from '../ops/audit';
import { openInvitationFor } from './coordinators';
import { invitationsPerSender } from '../auth/rate-limit';
import { hashToken, type SessionUser } from '../auth/session';
import { generateLinkToken, looksLikeToken } from '../auth/tokens';
import type { Db } from '../db/open';
import { invitation, membership, school, swv, user } from '../db/schema';
import { invalid } from '../http/form';
import { sendMail } from '../mail/mail';

export const INVITATION_DAYS = 7;

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

const targetIds = (target: MemberTarget) => ({
	scope: target.scope,
	schoolId: target.scope === 'school' ? target.school.id : null,
	swvId: target.scope === 'swv' ? target.swv.id : null
});

function alreadyMember(db: Db, email: string, target: MemberTarget): boolean {
	return !!db
		.select({ id: membership.id })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(eq(user.email, email), membershipIn(target)))
		.get();
}

export type InvitationResult =
	{ sent: true } | { sent: false; status: 403 | 409 | 429 | 503; message: string };

/**
 * Sends a single-use invitation valid for seven days, if `inviter` may (see access.ts). The new
 * link is stored, then mailed, and only once the mail went out are older open invitations for the
 * same person and role withdrawn: a mail server that is down changes nothing (the new link is
 * withdrawn at once) and the inviter is told so. Refusals and failures are audited.
 */
export async function sendInvitation(
	db: Db,
	inviter: SessionUser,
	email: string,
	target: MemberTarget,
	origin: string
): Promise<InvitationResult> {
	const ids = targetIds(target);
	const refused = (status: 403 | 409 | 429 | 503, message: string, reason: string) => {
		audit(
			db,
			inviter.id,
			'uitnodiging.geweigerd',
			{ type: 'uitnodiging' },
			{
				email,
				...ids,
				reason
			}
		);
		return { sent: false as const, status, message };
	};
	const refusal = invitationRefusal(db, inviter, target, email);
	if (refusal) return refused(403, refusal, 'geen recht');
	if (alreadyMember(db, email, target))
		return refused(
			409,
			`${email} is al coördinator van ${target.scope === 'school' ? 'deze school' : 'dit samenwerkingsverband'}.`,
			'heeft de rol al'
		);
	if (invitationsPerSender.blocked(inviter.id))
		return refused(
			429,
			'U heeft het afgelopen uur te veel uitnodigingen verstuurd. Probeer het over een uur opnieuw.',
			'te veel uitnodigingen'
		);
	invitationsPerSender.hit(inviter.id);
	const token = generateLinkToken();
	const id = db
		.insert(invitation)
		.values({
			tokenHash: hashToken(token),
			email,
			...ids,
			invitedBy: inviter.id,
			expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000)
		})
		.returning({ id: invitation.id })
		.get().id;
	const what = invitationTargetName(db, ids);
	try {
		await sendMail({
			to: email,
			subject: `Uitnodiging: ${oneLine(what)} in de Scan Passend Onderwijs`,
			text: [
				`Beste collega,`,
				``,
				`U bent uitgenodigd als ${what.replace(/^(coördinator van )(.*)$/, (_, a: string, b: string) => a + quoted(b))} in de Scan Passend Onderwijs. De uitnodiging komt van ${quoted(inviter.name)} (${inviter.email}).`,
				``,
				`Neem de uitnodiging aan via deze link (${INVITATION_DAYS} dagen geldig, één keer te gebruiken):`,
				``,
				`${origin}/uitnodigingen/${token}`,
				``,
				`Verwachtte u deze uitnodiging niet, dan kunt u dit bericht negeren.`
			].join('\n')
		});
	} catch (e) {
		console.error(`[mail] uitnodiging ${id} niet verstuurd:`, e);
		db.update(invitation).set({ revokedAt: new Date() }).where(eq(invitation.id, id)).run();
		return refused(
			503,
			`De uitnodiging aan ${email} kon niet worden verstuurd: de mailserver is nu niet bereikbaar. Er is niets veranderd; een eerdere uitnodiging blijft geldig. Probeer het later opnieuw.`,
			'mail niet verstuurd'
		);
	}
	db.update(invitation)
		.set({ revokedAt: new Date() })
		.where(and(ne(invitation.id, id), eq(invitation.email, email), openInvitationFor(target)))
		.run();
	audit(db, inviter.id, 'uitnodiging.verstuurd', { type: 'uitnodiging', id }, { email, ...ids });
	return { sent: true };
}

/** A refused invitation as a form failure with its Dutch message, or null when it was sent. */
export function invitationFailure(result: InvitationResult, email: string) {
	return result.sent
		? null
		: invalid(result.status, { message: result.message, values: { email } });
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

export type AcceptResult =
	{ ok: true; userId: string } | { ok: false; status: 403 | 409 | 410; message: string };

const USED: AcceptResult = {
	ok: false,
	status: 410,
	message: 'Deze uitnodiging is al gebruikt of ingetrokken. Log in met uw account.'
};

/**
 * Adds the role and uses up the invitation in one transaction, for an existing account or a new
 * one (`account` with name and password hash). Of simultaneous acceptances one wins; the others
 * get a Dutch 409 or 410 and change nothing.
 */
export function acceptInvitation(
	db: Db,
	inv: InvitationRow,
	account: { id: string } | { name: string; passwordHash: string }
): AcceptResult {
	const result = db.transaction((): AcceptResult => {
		const refusal = acceptanceRefusal(db, inv, inv.email);
		if (refusal) return { ok: false, status: 403, message: refusal };
		if (!('id' in account) && db.select().from(user).where(eq(user.email, inv.email)).get())
			return {
				ok: false,
				status: 409,
				message: 'Er is al een account met dit e-mailadres. Log in om de uitnodiging aan te nemen.'
			};
		const used = db
			.update(invitation)
			.set({ acceptedAt: new Date() })
			.where(
				and(eq(invitation.id, inv.id), isNull(invitation.acceptedAt), isNull(invitation.revokedAt))
			)
			.run();
		if (used.changes !== 1) return USED;
		let userId: string;
		if ('id' in account) userId = account.id;
		else {
			userId = crypto.randomUUID();
			db.insert(user)
				.values({ id: userId, email: inv.email, ...account })
				.run();
			audit(db, userId, 'account.aangemaakt', { type: 'account', id: userId });
		}
		if (inv.scope === 'admin') {
			db.update(user).set({ isAdmin: true }).where(eq(user.id, userId)).run();
		} else {
			db.insert(membership)
				.values({ userId, scope: inv.scope, schoolId: inv.schoolId, swvId: inv.swvId })
				.onConflictDoNothing()
				.run();
		}
		audit(
			db,
			userId,
			'uitnodiging.aangenomen',
			{ type: 'uitnodiging', id: inv.id },
			{
				invitedBy: inv.invitedBy,
				scope: inv.scope,
				schoolId: inv.schoolId,
				swvId: inv.swvId
			}
		);
		return { ok: true, userId };
	});
	if (!result.ok)
		audit(
			db,
			null,
			'uitnodiging.geweigerd',
			{ type: 'uitnodiging', id: inv.id },
			{
				email: inv.email,
				reason: result.message
			}
		);
	return result;
}
