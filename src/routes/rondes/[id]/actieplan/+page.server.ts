import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ACTION_STATUSES, MAX_PLAN_THEMES, mayAddTheme } from '$lib/domain/action-plan';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { planOf } from '$lib/server/rounds/action-plan';
import { audit } from '$lib/server/ops/audit';
import { actionItem } from '$lib/server/db/schema';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import { roundFor, roundQuestionnaire } from '$lib/server/rounds/rounds';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function context(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const me = requireUser(event.locals, event.url);
	const db = getDb();
	const r = roundFor(db, me, Number(event.params.id));
	return { me, db, r, q: roundQuestionnaire(getQuestionnaires(), r) };
}

export const load: PageServerLoad = (event) => {
	const { db, r, q } = context(event);
	return {
		round: { id: r.id, title: r.title },
		themes: q.themes.map((t) => ({ id: t.id, title: t.title })),
		items: planOf(db, r.id),
		max: MAX_PLAN_THEMES
	};
};

const addForm = z.object({
	themeId: z.string({ error: 'Kies een thema.' }).min(1, { error: 'Kies een thema.' }).max(80),
	action: z
		.string({ error: 'Beschrijf de actie.' })
		.trim()
		.min(3, { error: 'Beschrijf de actie in minstens 3 tekens.' })
		.max(500, { error: 'Een actie is hoogstens 500 tekens.' }),
	owner: z
		.string({ error: 'Wie trekt dit?' })
		.trim()
		.min(2, { error: 'Vul in wie deze actie trekt.' })
		.max(120, { error: 'Hoogstens 120 tekens.' }),
	dueOn: z
		.string()
		.trim()
		.regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: 'Vul een datum in, zoals 2027-03-01.' })
		.optional()
});

export const actions: Actions = {
	toevoegen: async (event) => {
		const { me, db, r, q } = context(event);
		const parsed = await parseForm(event.request, addForm, ['themeId', 'action', 'owner', 'dueOn']);
		if ('failure' in parsed) return parsed.failure;
		const d = parsed.data;
		if (!q.themes.some((t) => t.id === d.themeId)) {
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { themeId: 'Kies een thema uit deze vragenlijst.' },
				values: { action: d.action, owner: d.owner }
			});
		}
		if (
			!mayAddTheme(
				planOf(db, r.id).map((i) => i.themeId),
				d.themeId
			)
		) {
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: {
					themeId: `Een actieplan richt zich op hoogstens ${MAX_PLAN_THEMES} thema's. Kies een thema dat al in het plan staat.`
				},
				values: { action: d.action, owner: d.owner }
			});
		}
		const id = db
			.insert(actionItem)
			.values({
				roundId: r.id,
				themeId: d.themeId,
				action: d.action,
				owner: d.owner,
				dueOn: d.dueOn || null
			})
			.returning({ id: actionItem.id })
			.get().id;
		audit(db, me.id, 'actieplan.toegevoegd', { type: 'ronde', id: r.id }, { actie: id });
		return { saved: 'De actie is toegevoegd.' };
	},
	status: async (event) => {
		const { db, r } = context(event);
		const parsed = await parseForm(
			event.request,
			z.object({ id: fields.id, status: z.enum(ACTION_STATUSES, { error: 'Onbekende stand.' }) })
		);
		if ('failure' in parsed) return parsed.failure;
		const done = db
			.update(actionItem)
			.set({ status: parsed.data.status })
			.where(and(eq(actionItem.id, parsed.data.id), eq(actionItem.roundId, r.id)))
			.run();
		if (done.changes !== 1) return invalid(404, { message: 'Deze actie bestaat niet (meer).' });
		return { saved: 'De stand is bijgewerkt.' };
	},
	verwijderen: async (event) => {
		const { me, db, r } = context(event);
		const parsed = await parseForm(event.request, z.object({ id: fields.id }));
		if ('failure' in parsed) return parsed.failure;
		const done = db
			.delete(actionItem)
			.where(and(eq(actionItem.id, parsed.data.id), eq(actionItem.roundId, r.id)))
			.run();
		if (done.changes !== 1) return invalid(404, { message: 'Deze actie bestaat niet (meer).' });
		audit(db, me.id, 'actieplan.verwijderd', { type: 'ronde', id: r.id });
		return { saved: 'De actie is verwijderd.' };
	}
};
