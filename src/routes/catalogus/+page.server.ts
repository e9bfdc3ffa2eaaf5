import { error } from '@sveltejs/kit';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { filterChoices, parseCatalogFilter, publicCatalog } from '$lib/server/catalog/browse';
import type { PageServerLoad } from './$types';

/**
 * The catalogue to browse, without signing in: what is on offer now, by theme, school type and
 * kind. A signed-in school also sees its SWV's own offers; no one sees another SWV's.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const registry = getQuestionnaires();
	const parsed = parseCatalogFilter(url.searchParams, registry);
	if ('problem' in parsed) error(400, parsed.problem);
	return {
		...publicCatalog(getDb(), registry, locals.user ?? null, parsed.filter),
		filter: parsed.filter,
		...filterChoices(registry),
		signedIn: !!locals.user
	};
};
