import { error } from '@sveltejs/kit';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { updateCatalogItem } from '$lib/server/catalog/catalog';
import { catalogChoices, parseCatalogForm } from '$lib/server/catalog/form';
import { swvOffer } from '$lib/server/catalog/swv-offers';
import { invalid } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

function find(swvId: number, id: string) {
	const item = swvOffer(getDb(), swvId, id);
	if (!item) error(404, 'Dit aanbod bestaat niet.');
	return item;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const s = swvFor(getDb(), me, Number(params.id));
	const choices = catalogChoices(getQuestionnaires());
	return {
		swv: { id: s.id, name: s.name },
		item: find(s.id, params.aanbod),
		saved: url.searchParams.has('opgeslagen'),
		themes: choices.themes.filter((t) => t.scan === 'school'),
		levels: choices.levels
	};
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const s = swvFor(db, me, Number(params.id));
		const current = find(s.id, params.aanbod);
		const result = await parseCatalogForm(request, getQuestionnaires(), current.id, 'school');
		if ('errors' in result)
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: result.errors,
				values: result.values
			});
		updateCatalogItem(db, me.id, current, result.item);
		return { saved: 'Het aanbod is opgeslagen.' };
	}
};
