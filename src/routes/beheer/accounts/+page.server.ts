import { desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireAdmin, type MemberTarget } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { invitation, membership, school, swv, user } from '$lib/server/db/schema';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import {
	invitationFailure,
	invitationTargetName,
	sendInvitation
} from '$lib/server/accounts/invitations';
import { answer, removeForm } from '$lib/server/accounts/member-forms';
import { membershipTarget, removeMember } from '$lib/server/accounts/memberships';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const me = requireAdmin(locals, url);
	const db = getDb();
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
	const now = Date.now();
	return {
		me: me.id,
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
};

const byId = z.object({ id: z.string().uuid({ error: 'Onbekend account.' }) });
const statusForm = byId.extend({
	active: z.enum(['true', 'false'], { error: 'Onbekende status.' })
});
const invitationForm = z.object({ id: fields.id });

export const actions: Actions = {
	/** One role taken away; the account and its other roles stay. */
	rolintrekken: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, removeForm);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		const target = membershipTarget(db, parsed.data.id);
		if (!target) return invalid(404, { message: 'Deze rol bestaat niet (meer).' });
		return answer(removeMember(db, me, target, parsed.data.id, parsed.data.bevestigen === 'ja'));
	},
	status: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, statusForm);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		const target = db.select().from(user).where(eq(user.id, parsed.data.id)).get();
		if (!target)
			return invalid(404, { message: 'Dit account bestaat niet.', errors: {}, values: {} });
		if (target.id === me.id)
			return invalid(400, {
				message: 'U kunt uw eigen account niet deactiveren.',
				errors: {},
				values: {}
			});
		const active = parsed.data.active === 'true';
		db.update(user).set({ active }).where(eq(user.id, target.id)).run();
		if (!active) invalidateUserSessions(db, target.id);
		audit(db, me.id, active ? 'account.geactiveerd' : 'account.gedeactiveerd', {
			type: 'account',
			id: target.id
		});
		return { saved: `${target.email} is ${active ? 'weer actief' : 'gedeactiveerd'}.` };
	},
	opnieuw: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, invitationForm);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		const inv = db.select().from(invitation).where(eq(invitation.id, parsed.data.id)).get();
		if (!inv || inv.acceptedAt || inv.revokedAt || inv.scope === 'admin')
			return invalid(404, {
				message: 'Deze uitnodiging bestaat niet (meer).',
				errors: {},
				values: {}
			});
		const schoolRow = inv.schoolId
			? db.select().from(school).where(eq(school.id, inv.schoolId)).get()
			: undefined;
		const swvRow = inv.swvId ? db.select().from(swv).where(eq(swv.id, inv.swvId)).get() : undefined;
		const target: MemberTarget | null = schoolRow
			? { scope: 'school', school: schoolRow }
			: swvRow
				? { scope: 'swv', swv: swvRow }
				: null;
		if (!target) return invalid(404, { message: 'Deze uitnodiging bestaat niet (meer).' });
		const failure = invitationFailure(
			await sendInvitation(db, me, inv.email, target, url.origin),
			inv.email
		);
		if (failure) return failure;
		return {
			saved: `Er is een nieuwe uitnodiging gestuurd naar ${inv.email}; de oude link werkt niet meer.`
		};
	},
	intrekken: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, invitationForm);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		const inv = db.select().from(invitation).where(eq(invitation.id, parsed.data.id)).get();
		if (!inv || inv.acceptedAt || inv.revokedAt)
			return invalid(404, {
				message: 'Deze uitnodiging bestaat niet (meer).',
				errors: {},
				values: {}
			});
		db.update(invitation).set({ revokedAt: new Date() }).where(eq(invitation.id, inv.id)).run();
		audit(db, me.id, 'uitnodiging.ingetrokken', { type: 'uitnodiging', id: inv.id });
		return { saved: `De uitnodiging voor ${inv.email} is ingetrokken.` };
	}
};
