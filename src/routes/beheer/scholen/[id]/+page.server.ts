import { error, redirect } from '@sveltejs/kit';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { activeForm, schoolForm } from '$lib/server/accounts/admin-forms';
import { deleteSchool, deletionConfirmation } from '$lib/server/accounts/deletion';
import { setSchoolActive } from '$lib/server/schools/status';
import { audit } from '$lib/server/ops/audit';
import { dropSchoolSnapshots } from '$lib/server/results/snapshots';
import { coordinatorsOf } from '$lib/server/accounts/coordinators';
import { school, swv } from '$lib/server/db/schema';
import { invalid, parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

function schoolById(id: string) {
	const n = Number(id);
	const row = Number.isSafeInteger(n)
		? getDb().select().from(school).where(eq(school.id, n)).get()
		: undefined;
	if (!row) error(404, 'Deze school bestaat niet.');
	return row;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireAdmin(locals, url);
	const s = schoolById(params.id);
	const db = getDb();
	return {
		school: s,
		swv: db.select({ id: swv.id, name: swv.name }).from(swv).where(eq(swv.id, s.swvId)).get()!,
		...coordinatorsOf(db, { scope: 'school', school: s })
	};
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = schoolById(params.id);
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
		const clash = db
			.select()
			.from(school)
			.where(
				and(
					eq(school.instellingscode, d.instellingscode),
					eq(school.vestiging, d.vestiging),
					ne(school.id, s.id)
				)
			)
			.get();
		if (clash)
			return invalid(409, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { instellingscode: 'Deze vestiging bestaat al.' },
				values: { ...d }
			});
		db.transaction(() => {
			db.update(school).set(d).where(eq(school.id, s.id)).run();
			// The statements that count depend on the school type: score its rounds again.
			if (d.schoolType !== s.schoolType) dropSchoolSnapshots(db, s.id);
		});
		audit(db, me.id, 'school.gewijzigd', { type: 'school', id: s.id }, d);
		return { saved: 'De school is opgeslagen.' };
	},
	status: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = schoolById(params.id);
		const parsed = await parseForm(request, activeForm.pick({ active: true }));
		if ('failure' in parsed) return parsed.failure;
		const closed = setSchoolActive(getDb(), s.id, parsed.data.active, me.id);
		const rounds = closed === 1 ? 'is 1 open ronde' : `zijn ${closed} open rondes`;
		return {
			saved: parsed.data.active
				? 'De school is weer actief.'
				: `De school is gedeactiveerd${closed ? `; er ${rounds} gesloten` : ''}.`
		};
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const s = schoolById(params.id);
		const parsed = await parseForm(request, deletionConfirmation);
		if ('failure' in parsed) return parsed.failure;
		deleteSchool(getDb(), s.id, me.id);
		redirect(303, `/beheer/swv/${s.swvId}?verwijderd`);
	}
};
