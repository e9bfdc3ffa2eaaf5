import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { catalogItems, toRow } from '$lib/server/catalog/catalog';
import { catalogChoices, parseCatalogForm } from '$lib/server/catalog/form';
import { catalogItem } from '$lib/server/db/schema';
import { invalid, parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	return {
		items: catalogItems(getDb()).sort((a, b) => a.title.localeCompare(b.title, 'nl')),
		...catalogChoices(getQuestionnaires())
	};
};

export const actions: Actions = {
	aanmaken: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const result = await parseCatalogForm(request, getQuestionnaires());
		if ('errors' in result)
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: result.errors,
				values: result.values
			});
		const db = getDb();
		if (db.select().from(catalogItem).where(eq(catalogItem.id, result.item.id)).get()) {
			return invalid(409, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { id: 'Deze id bestaat al.' },
				values: { id: result.item.id }
			});
		}
		db.insert(catalogItem).values(toRow(result.item)).run();
		audit(db, me.id, 'catalogus.aangemaakt', { type: 'catalogus', id: result.item.id });
		redirect(303, `/beheer/catalogus/${result.item.id}?opgeslagen`);
	},
	zichtbaarheid: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const parsed = await parseForm(
			request,
			z.object({
				id: z.string().min(1).max(120),
				hidden: z.enum(['ja', 'nee'], { error: 'Onbekende keuze.' })
			})
		);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		const done = db
			.update(catalogItem)
			.set({ hidden: parsed.data.hidden === 'ja' })
			.where(eq(catalogItem.id, parsed.data.id))
			.run();
		if (done.changes !== 1) return invalid(404, { message: 'Dit aanbod bestaat niet.' });
		audit(db, me.id, parsed.data.hidden === 'ja' ? 'catalogus.verborgen' : 'catalogus.zichtbaar', {
			type: 'catalogus',
			id: parsed.data.id
		});
		return {
			saved:
				parsed.data.hidden === 'ja' ? 'Het aanbod is verborgen.' : 'Het aanbod is weer zichtbaar.'
		};
	}
};
