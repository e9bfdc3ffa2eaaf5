import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './db/open';
import { invitation, membership, user } from './db/schema';

/** Coordinators of a school or SWV, and the invitations still open for it. */
export function coordinatorsOf(db: Db, target: { schoolId: number } | { swvId: number }) {
	const m =
		'schoolId' in target
			? eq(membership.schoolId, target.schoolId)
			: eq(membership.swvId, target.swvId);
	const i =
		'schoolId' in target
			? eq(invitation.schoolId, target.schoolId)
			: eq(invitation.swvId, target.swvId);
	return {
		coordinators: db
			.select({ name: user.name, email: user.email, active: user.active })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(m)
			.orderBy(user.name)
			.all(),
		pending: db
			.select({ email: invitation.email, expiresAt: invitation.expiresAt })
			.from(invitation)
			.where(
				and(
					i,
					isNull(invitation.acceptedAt),
					isNull(invitation.revokedAt),
					gt(invitation.expiresAt, new Date())
				)
			)
			.all()
	};
}
