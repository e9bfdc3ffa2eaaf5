import { and, eq } from 'drizzle-orm';
import { mayManageMembers, membershipIn, type MemberTarget } from '../auth/access';
import { audit } from '../ops/audit';
import { openInvitationFor } from './coordinators';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/open';
import { invitation, membership, school, swv, user } from '../db/schema';

export type MemberResult =
	| { ok: true; message: string; self?: boolean }
	| { ok: false; status: 400 | 403 | 404 | 409 | 429 | 503; message: string };

const targetIds = (target: MemberTarget) =>
	target.scope === 'school' ? { schoolId: target.school.id } : { swvId: target.swv.id };
const targetName = (target: MemberTarget) =>
	target.scope === 'school' ? target.school.name : target.swv.name;

const NOT_ALLOWED =
	'Alleen de coördinatoren van de school of het samenwerkingsverband zelf (en een beheerder) voegen coördinatoren toe of halen ze weg.';

/** A refused change of who coordinates a school or SWV, audited with who tried it. */
export function refuseMemberChange(
	db: Db,
	actor: SessionUser,
	target: MemberTarget,
	status: 400 | 403 | 404 | 409 = 403,
	message = NOT_ALLOWED,
	detail: Record<string, unknown> = {}
): MemberResult & { ok: false } {
	audit(
		db,
		actor.id,
		'lidmaatschap.geweigerd',
		{ type: 'lidmaatschap' },
		{
			...targetIds(target),
			...detail,
			reason: message
		}
	);
	return { ok: false, status, message };
}

/**
 * Takes one role away (the account and its other roles stay). Those who manage the target may;
 * removing yourself needs `confirmed`; the last coordinator goes only by an admin's hand, so a
 * school is never left without anyone by accident. Open invitations the person sent for this
 * school or SWV are withdrawn with the role. Removals and refusals are audited.
 */
export function removeMember(
	db: Db,
	actor: SessionUser,
	target: MemberTarget,
	membershipId: number,
	confirmed: boolean
): MemberResult {
	const row = db
		.select({ id: membership.id, userId: user.id, name: user.name, email: user.email })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(and(eq(membership.id, membershipId), membershipIn(target)))
		.get();
	const refuse = (status: 400 | 403 | 404 | 409, message: string) =>
		refuseMemberChange(db, actor, target, status, message, { membershipId, email: row?.email });
	if (!mayManageMembers(db, actor, target)) return refuse(403, NOT_ALLOWED);
	if (!row) return refuse(404, 'Deze coördinator bestaat niet (meer).');
	const self = row.userId === actor.id;
	if (self && !confirmed)
		return refuse(
			400,
			'Bevestig dat u uzelf wilt verwijderen: daarna heeft u hier geen toegang meer.'
		);
	const others = db
		.select({ id: membership.id })
		.from(membership)
		.where(membershipIn(target))
		.all().length;
	if (others <= 1 && !actor.isAdmin)
		return refuse(
			409,
			`${row.name} is de laatste coördinator van ${targetName(target)}. Nodig eerst iemand anders uit, of vraag een beheerder.`
		);
	db.transaction(() => {
		db.delete(membership).where(eq(membership.id, row.id)).run();
		db.update(invitation)
			.set({ revokedAt: new Date() })
			.where(and(eq(invitation.invitedBy, row.userId), openInvitationFor(target)))
			.run();
		audit(
			db,
			actor.id,
			'lidmaatschap.verwijderd',
			{ type: 'account', id: row.userId },
			{
				...targetIds(target),
				email: row.email
			}
		);
	});
	return {
		ok: true,
		self,
		message: self
			? `U bent geen coördinator van ${targetName(target)} meer.`
			: `${row.name} (${row.email}) is geen coördinator van ${targetName(target)} meer.`
	};
}

/** Withdraws an open invitation: those who manage the target, or whoever sent it. */
export function withdrawInvitation(
	db: Db,
	actor: SessionUser,
	target: MemberTarget,
	invitationId: number
): MemberResult {
	const inv = db
		.select()
		.from(invitation)
		.where(and(eq(invitation.id, invitationId), openInvitationFor(target)))
		.get();
	if (!inv) return { ok: false, status: 404, message: 'Deze uitnodiging bestaat niet (meer).' };
	if (inv.invitedBy !== actor.id && !mayManageMembers(db, actor, target))
		return refuseMemberChange(db, actor, target, 403, NOT_ALLOWED, { invitationId: inv.id });
	db.update(invitation).set({ revokedAt: new Date() }).where(eq(invitation.id, inv.id)).run();
	audit(
		db,
		actor.id,
		'uitnodiging.ingetrokken',
		{ type: 'uitnodiging', id: inv.id },
		{
			email: inv.email,
			...targetIds(target)
		}
	);
	return { ok: true, message: `De uitnodiging voor ${inv.email} is ingetrokken.` };
}

/** The school or SWV a role belongs to, for an admin who takes roles away on the accounts page. */
export function membershipTarget(db: Db, membershipId: number): MemberTarget | null {
	const row = db.select().from(membership).where(eq(membership.id, membershipId)).get();
	const s = row?.schoolId
		? db.select().from(school).where(eq(school.id, row.schoolId)).get()
		: null;
	if (s) return { scope: 'school', school: s };
	const v = row?.swvId ? db.select().from(swv).where(eq(swv.id, row.swvId)).get() : null;
	return v ? { scope: 'swv', swv: v } : null;
}
