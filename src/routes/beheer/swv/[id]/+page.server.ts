import { error, redirect } from '@sveltejs/kit';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireAdmin, schoolsOfSwv } from '$lib/server/auth/access';
import { activeForm, schoolForm, swvForm } from '$lib/server/accounts/admin-forms';
import { audit } from '$lib/server/ops/audit';
import { coordinatorsOf } from '$lib/server/accounts/coordinators';
import { deleteSwv, deletionConfirmation } from '$lib/server/accounts/deletion';
import { school, swv } from '$lib/server/db/schema';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import { invitationFailure, sendInvitation } from '$lib/server/accounts/invitations';
import type { Actions, PageServerLoad } from './$types';

function swvById(id: string) {
	const n = Number(id);
	const row = Number.isSafeInteger(n)
		? getDb().select().from(swv).where(eq(swv.id, n)).get()
		: undefined;
	if (!row) error(404, 'Dit samenwerkingsverband bestaat niet.');
	return row;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireAdmin(locals, url);
	const s = swvById(params.id);
	const db = getDb();
	return {
		swv: s,
		schools: schoolsOfSwv(db, s.id),
		...coordinatorsOf(db, { scope: 'swv', swv: s })
	};
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvById(params.id);
		const parsed = await parseForm(request, swvForm, ['code', 'name']);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		if (
			db
				.select()
				.from(swv)
				.where(and(eq(swv.code, parsed.data.code), ne(swv.id, s.id)))
				.get()
		) {
			return invalid(409, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { code: 'Er bestaat al een samenwerkingsverband met deze code.' },
				values: parsed.data
			});
		}
		db.update(swv).set(parsed.data).where(eq(swv.id, s.id)).run();
		audit(db, me.id, 'swv.gewijzigd', { type: 'swv', id: s.id }, parsed.data);
		return { saved: 'Het samenwerkingsverband is opgeslagen.' };
	},
	status: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvById(params.id);
		const parsed = await parseForm(request, activeForm.pick({ active: true }));
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		db.update(swv).set({ active: parsed.data.active }).where(eq(swv.id, s.id)).run();
		audit(db, me.id, parsed.data.active ? 'swv.geactiveerd' : 'swv.gedeactiveerd', {
			type: 'swv',
			id: s.id
		});
		return {
			saved: parsed.data.active
				? 'Het samenwerkingsverband is weer actief.'
				: 'Het samenwerkingsverband is gedeactiveerd.'
		};
	},
	school: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvById(params.id);
		const parsed = await parseForm(request, schoolForm, [
			'instellingscode',
			'vestiging',
			'name',
			'place',
			'schoolType'
		]);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		const d = parsed.data;
		if (
			db
				.select()
				.from(school)
				.where(
					and(eq(school.instellingscode, d.instellingscode), eq(school.vestiging, d.vestiging))
				)
				.get()
		) {
			return invalid(409, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { instellingscode: 'Deze vestiging bestaat al.' },
				values: { ...d }
			});
		}
		const id = db
			.insert(school)
			.values({ ...d, swvId: s.id })
			.returning({ id: school.id })
			.get().id;
		audit(db, me.id, 'school.aangemaakt', { type: 'school', id }, d);
		return { saved: `${d.name} is toegevoegd.` };
	},
	uitnodigen: async (event) => {
		const me = requireAdmin(event.locals, event.url);
		const s = swvById(event.params.id);
		const parsed = await parseForm(event.request, z.object({ email: fields.email }), ['email']);
		if ('failure' in parsed) return parsed.failure;
		const { email } = parsed.data;
		const result = await sendInvitation(
			getDb(),
			me,
			email,
			{ scope: 'swv', swv: s },
			event.url.origin
		);
		const failure = invitationFailure(result, email);
		if (failure) return failure;
		return { saved: `Er is een uitnodiging gestuurd naar ${parsed.data.email}.` };
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = swvById(params.id);
		const parsed = await parseForm(request, deletionConfirmation);
		if ('failure' in parsed) return parsed.failure;
		deleteSwv(getDb(), s.id, me.id);
		redirect(303, '/beheer/swv?verwijderd');
	}
};
