import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { setCatalogItemHidden } from '$lib/server/catalog/catalog';
import { catalogChoices, parseCatalogForm } from '$lib/server/catalog/form';
import { createSwvOffer, swvOfferList } from '$lib/server/catalog/swv-offers';
import { invalid, parseForm } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

/** The SWV's own support offers: its coordinators add them; its schools see them first. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const choices = catalogChoices(getQuestionnaires());
	return {
		swv: { id: s.id, name: s.name },
		offers: swvOfferList(db, s.id),
		themes: choices.themes.filter((t) => t.scan === 'school'),
		levels: choices.levels
	};
};

export const actions: Actions = {
	aanmaken: async ({ locals, url, params, request }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const s = swvFor(db, me, Number(params.id));
		// The id is made from the title once the form is valid.
		const result = await parseCatalogForm(request, getQuestionnaires(), 'nieuw', 'school');
		if ('errors' in result)
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: result.errors,
				values: result.values
			});
		const id = createSwvOffer(db, me.id, s, result.item);
		redirect(303, `/swv/${s.id}/aanbod/${id}?opgeslagen`);
	},
	zichtbaarheid: async ({ locals, url, params, request }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const s = swvFor(db, me, Number(params.id));
		const parsed = await parseForm(
			request,
			z.object({
				id: z.string().min(1).max(120),
				hidden: z.enum(['ja', 'nee'], { error: 'Onbekende keuze.' })
			})
		);
		if ('failure' in parsed) return parsed.failure;
		// Only the SWV's own offers: another SWV's item or a general one is "not found".
		if (!setCatalogItemHidden(db, me.id, parsed.data.id, parsed.data.hidden === 'ja', s.id))
			return invalid(404, { message: 'Dit aanbod bestaat niet.' });
		return {
			saved:
				parsed.data.hidden === 'ja'
					? 'Het aanbod is verborgen: uw scholen zien het niet meer.'
					: 'Het aanbod is weer zichtbaar voor uw scholen.'
		};
	}
};
