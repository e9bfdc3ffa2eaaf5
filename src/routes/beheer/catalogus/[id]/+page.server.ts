import { error } from '@sveltejs/kit';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { catalogItemById, updateCatalogItem } from '$lib/server/catalog/catalog';
import { catalogChoices, parseCatalogForm } from '$lib/server/catalog/form';
import { invalid } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

function find(id: string) {
	const item = catalogItemById(getDb(), id);
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
		// The id names the item in links and logs: it stays; so do its owner and whether it is hidden.
		updateCatalogItem(getDb(), me.id, current, result.item);
		return { saved: 'Het aanbod is opgeslagen.' };
	}
};
