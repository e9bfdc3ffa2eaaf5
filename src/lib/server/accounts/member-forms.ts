import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '../app';
import { mayManageMembers, requireUser, type MemberTarget } from '../auth/access';
import type { SessionUser } from '../auth/session';
import { coordinatorsOf } from './coordinators';
import type { Db } from '../db/open';
import { fields, invalid, parseForm } from '../http/form';
import {
	refuseMemberChange,
	removeMember,
	withdrawInvitation,
	type MemberResult
} from './memberships';

/** The forms of the coordinator pages of a school and of an SWV (`…/coordinatoren`). */

export function membersPage(db: Db, me: SessionUser, target: MemberTarget) {
	const t = target.scope === 'school' ? target.school : target.swv;
	return {
		target: { scope: target.scope, id: t.id, name: t.name },
		manage: mayManageMembers(db, me, target),
		isAdmin: me.isAdmin,
		me: me.id,
		...coordinatorsOf(db, target)
	};
}

export const removeForm = z.object({
	id: fields.id,
	confirm: z.enum(['ja'], { error: 'Onbekende bevestiging.' }).optional()
});
const withdrawForm = z.object({ id: fields.id });

export const answer = (result: MemberResult) =>
	result.ok ? { saved: result.message } : invalid(result.status, { message: result.message });

export async function removeMemberForm(
	db: Db,
	request: Request,
	me: SessionUser,
	target: MemberTarget
) {
	if (!mayManageMembers(db, me, target)) return answer(refuseMemberChange(db, me, target));
	const parsed = await parseForm(request, removeForm);
	if ('failure' in parsed) return parsed.failure;
	const result = removeMember(db, me, target, parsed.data.id, parsed.data.confirm === 'ja');
	// Whoever removed themselves can no longer see this page.
	if (result.ok && result.self) redirect(303, '/overzicht');
	return answer(result);
}

export async function withdrawInvitationForm(
	db: Db,
	request: Request,
	me: SessionUser,
	target: MemberTarget
) {
	const parsed = await parseForm(request, withdrawForm);
	if ('failure' in parsed) return parsed.failure;
	return answer(withdrawInvitation(db, me, target, parsed.data.id));
}

/**
 * The load and actions of a coordinator page, given how it finds its school or SWV (which also
 * checks that the user may see it: 404 otherwise).
 */
export function memberRoute(
	find: (db: Db, me: SessionUser, params: Record<string, string>) => MemberTarget
) {
	type Event = {
		locals: App.Locals;
		url: URL;
		params: Record<string, string>;
		request: Request;
	};
	const resolve = ({ locals, url, params }: Omit<Event, 'request'>) => {
		const me = requireUser(locals, url);
		const db = getDb();
		return { me, db, target: find(db, me, params) };
	};
	return {
		load: (event: Omit<Event, 'request'>) => {
			const { me, db, target } = resolve(event);
			return membersPage(db, me, target);
		},
		verwijderen: (event: Event) => {
			const { me, db, target } = resolve(event);
			return removeMemberForm(db, event.request, me, target);
		},
		intrekken: (event: Event) => {
			const { me, db, target } = resolve(event);
			return withdrawInvitationForm(db, event.request, me, target);
		}
	};
}
