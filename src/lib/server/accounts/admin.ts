import { desc, eq, isNull } from 'drizzle-orm';
import type { MemberTarget } from '../auth/access';
import { invalidateUserSessions, type SessionUser } from '../auth/session';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { invitation, membership, school, swv, user } from '../db/schema';
import { invitationTargetName, sendInvitation } from './invitations';
import { membershipTarget, removeMember, type MemberResult } from './memberships';

/** The admin's accounts page (`/beheer/accounts`): every account with its roles, open invitations. */

export function accountsOverview(db: Db, now = Date.now()) {
	const roles = db
		.select({
			id: membership.id,
			userId: membership.userId,
			school: school.name,
			swv: swv.name
		})
		.from(membership)
		.leftJoin(school, eq(school.id, membership.schoolId))
		.leftJoin(swv, eq(swv.id, membership.swvId))
		.all();
	return {
		users: db
			.select({
				id: user.id,
				email: user.email,
				name: user.name,
				isAdmin: user.isAdmin,
				active: user.active
			})
			.from(user)
			.orderBy(user.email)
			.all()
			.map((u) => ({
				...u,
				roles: roles
					.filter((r) => r.userId === u.id)
					.map((r) => ({ id: r.id, name: r.school ?? r.swv ?? '' }))
			})),
		invitations: db
			.select()
			.from(invitation)
			.where(isNull(invitation.acceptedAt))
			.orderBy(desc(invitation.createdAt))
			.limit(200)
			.all()
			.filter((i) => !i.revokedAt)
			.map((i) => ({
				id: i.id,
				email: i.email,
				what: invitationTargetName(db, i),
				expired: i.expiresAt.getTime() <= now,
				expiresAt: i.expiresAt
			}))
	};
}

/** One role taken away by an admin; the account and its other roles stay. */
export function revokeRole(
	db: Db,
	admin: SessionUser,
	membershipId: number,
	confirmed: boolean
): MemberResult {
	const target = membershipTarget(db, membershipId);
	if (!target) return { ok: false, status: 404, message: 'Deze rol bestaat niet (meer).' };
	return removeMember(db, admin, target, membershipId, confirmed);
}

/** Deactivating an account ends its sessions; nobody deactivates their own account. */
export function setAccountActive(
	db: Db,
	admin: SessionUser,
	userId: string,
	active: boolean
): MemberResult {
	const target = db.select().from(user).where(eq(user.id, userId)).get();
	if (!target) return { ok: false, status: 404, message: 'Dit account bestaat niet.' };
	if (target.id === admin.id)
		return { ok: false, status: 400, message: 'U kunt uw eigen account niet deactiveren.' };
	db.update(user).set({ active }).where(eq(user.id, target.id)).run();
	if (!active) invalidateUserSessions(db, target.id);
	audit(db, admin.id, active ? 'account.geactiveerd' : 'account.gedeactiveerd', {
		type: 'account',
		id: target.id
	});
	return { ok: true, message: `${target.email} is ${active ? 'weer actief' : 'gedeactiveerd'}.` };
}

const GONE = { ok: false, status: 404, message: 'Deze uitnodiging bestaat niet (meer).' } as const;

const openInvitation = (db: Db, id: number) => {
	const inv = db.select().from(invitation).where(eq(invitation.id, id)).get();
	return inv && !inv.acceptedAt && !inv.revokedAt ? inv : undefined;
};

/**
 * A new invitation (a new link, seven days again) for an open one of a school or SWV; the old
 * link stops working once the new one is sent. Refusals keep their own status and message.
 */
export async function resendInvitation(
	db: Db,
	admin: SessionUser,
	id: number,
	origin: string
): Promise<MemberResult> {
	const inv = openInvitation(db, id);
	if (!inv || inv.scope === 'admin') return GONE;
	const schoolRow = inv.schoolId
		? db.select().from(school).where(eq(school.id, inv.schoolId)).get()
		: undefined;
	const swvRow = inv.swvId ? db.select().from(swv).where(eq(swv.id, inv.swvId)).get() : undefined;
	const target: MemberTarget | null = schoolRow
		? { scope: 'school', school: schoolRow }
		: swvRow
			? { scope: 'swv', swv: swvRow }
			: null;
	if (!target) return GONE;
	const sent = await sendInvitation(db, admin, inv.email, target, origin);
	if (!sent.sent) return { ok: false, status: sent.status, message: sent.message };
	return {
		ok: true,
		message: `Er is een nieuwe uitnodiging gestuurd naar ${inv.email}; de oude link werkt niet meer.`
	};
}

/** An admin withdraws any open invitation (also one for a new admin). */
export function revokeInvitation(db: Db, admin: SessionUser, id: number): MemberResult {
	const inv = openInvitation(db, id);
	if (!inv) return GONE;
	db.update(invitation).set({ revokedAt: new Date() }).where(eq(invitation.id, inv.id)).run();
	audit(db, admin.id, 'uitnodiging.ingetrokken', { type: 'uitnodiging', id: inv.id });
	return { ok: true, message: `De uitnodiging voor ${inv.email} is ingetrokken.` };
}
