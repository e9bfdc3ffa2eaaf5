import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { catalogItems, toRow } from '$lib/server/catalog/catalog';
import { catalogChoices, parseCatalogForm } from '$lib/server/catalog/form';
import { catalogItem } from '$lib/server/db/schema';
import { invalid } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

function find(id: string) {
	const item = catalogItems(getDb()).find((i) => i.id === id);
	if (!item) error(404, 'Dit aanbod bestaat niet.');
	return item;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireAdmin(locals, url);
	return {
		item: find(params.id),
		saved: url.searchParams.has('opgeslagen'),
		...catalogChoices(getQuestionnaires())
	};
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const me = requireAdmin(locals, url);
		const current = find(params.id);
		const result = await parseCatalogForm(request, getQuestionnaires(), current.id);
		if ('errors' in result)
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: result.errors,
				values: result.values
			});
		// The id names the item in links and logs: it stays; so does whether it is hidden.
		const db = getDb();
		db.update(catalogItem)
			.set({
				...toRow({ ...result.item, id: current.id, hidden: current.hidden }),
				updatedAt: new Date()
			})
			.where(eq(catalogItem.id, current.id))
			.run();
		audit(db, me.id, 'catalogus.gewijzigd', { type: 'catalogus', id: current.id });
		return { saved: 'Het aanbod is opgeslagen.' };
	}
};
