import { and, desc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { membershipIn, type MemberTarget } from '../auth/access';
import type { Db } from '../db/open';
import { invitation, membership, user } from '../db/schema';

/** SQL conditions: the invitations for a school or SWV (open ones). */
export const invitationFor = (target: MemberTarget) =>
	target.scope === 'school'
		? eq(invitation.schoolId, target.school.id)
		: eq(invitation.swvId, target.swv.id);

export const openInvitationFor = (target: MemberTarget) =>
	and(
		eq(invitation.scope, target.scope),
		invitationFor(target),
		isNull(invitation.acceptedAt),
		isNull(invitation.revokedAt)
	);

/**
 * The coordinators of a school or SWV (since when, invited by whom) and the invitations that are
 * still open for it. Who invited someone is read from the invitation they accepted; roles from
 * the seed or from before invitations existed have none.
 */
export function coordinatorsOf(db: Db, target: MemberTarget) {
	const m = membershipIn(target);
	const i = invitationFor(target);
	const inviter = alias(user, 'inviter');
	const accepted = db
		.select({ email: invitation.email, by: inviter.name })
		.from(invitation)
		.leftJoin(inviter, eq(inviter.id, invitation.invitedBy))
		.where(and(i, isNotNull(invitation.acceptedAt)))
		.orderBy(invitation.acceptedAt)
		.all();
	const invitedBy = new Map(accepted.map((a) => [a.email, a.by]));
	return {
		coordinators: db
			.select({
				id: membership.id,
				userId: user.id,
				name: user.name,
				email: user.email,
				active: user.active,
				since: membership.createdAt
			})
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(m)
			.orderBy(user.name)
			.all()
			.map((c) => ({ ...c, invitedBy: invitedBy.get(c.email) ?? null })),
		pending: db
			.select({
				id: invitation.id,
				email: invitation.email,
				expiresAt: invitation.expiresAt,
				invitedBy: inviter.name,
				invitedById: invitation.invitedBy
			})
			.from(invitation)
			.leftJoin(inviter, eq(inviter.id, invitation.invitedBy))
			.where(and(openInvitationFor(target), gt(invitation.expiresAt, new Date())))
			.orderBy(desc(invitation.createdAt))
			.all()
	};
}
