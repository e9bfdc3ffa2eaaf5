import { redirect } from '@sveltejs/kit';
import { count, eq } from 'drizzle-orm';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { swvForm } from '$lib/server/accounts/admin-forms';
import { audit } from '$lib/server/ops/audit';
import { school, swv } from '$lib/server/db/schema';
import { invalid, parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	const db = getDb();
	return {
		swvs: db
			.select({
				id: swv.id,
				code: swv.code,
				name: swv.name,
				active: swv.active,
				schools: count(school.id)
			})
			.from(swv)
			.leftJoin(school, eq(school.swvId, swv.id))
			.groupBy(swv.id)
			.orderBy(swv.code)
			.all()
	};
};

export const actions: Actions = {
	aanmaken: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(request, swvForm, ['code', 'name']);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		if (db.select().from(swv).where(eq(swv.code, parsed.data.code)).get()) {
			return invalid(409, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { code: 'Er bestaat al een samenwerkingsverband met deze code.' },
				values: { code: parsed.data.code, name: parsed.data.name }
			});
		}
		const sector = parsed.data.code.startsWith('PO') ? 'po' : 'vo';
		const id = db
			.insert(swv)
			.values({ ...parsed.data, sector })
			.returning({ id: swv.id })
			.get().id;
		audit(db, me.id, 'swv.aangemaakt', { type: 'swv', id }, parsed.data);
		redirect(303, `/beheer/swv/${id}`);
	}
};
