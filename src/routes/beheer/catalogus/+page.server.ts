import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { createCatalogItem, setCatalogItemHidden } from '$lib/server/catalog/catalog';
import { adminCatalog, parseCatalogFilter } from '$lib/server/catalog/browse';
import { catalogChoices, parseCatalogForm } from '$lib/server/catalog/form';
import { invalid, parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	const registry = getQuestionnaires();
	const parsed = parseCatalogFilter(url.searchParams, registry);
	if ('problem' in parsed) error(400, parsed.problem);
	return {
		...adminCatalog(getDb(), registry, parsed.filter),
		filter: parsed.filter,
		...catalogChoices(registry)
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
		if (!createCatalogItem(getDb(), me.id, result.item))
			return invalid(409, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { id: 'Deze id bestaat al.' },
				values: { id: result.item.id }
			});
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
		if (!setCatalogItemHidden(getDb(), me.id, parsed.data.id, parsed.data.hidden === 'ja'))
			return invalid(404, { message: 'Dit aanbod bestaat niet.' });
		return {
			saved:
				parsed.data.hidden === 'ja' ? 'Het aanbod is verborgen.' : 'Het aanbod is weer zichtbaar.'
		};
	}
};
