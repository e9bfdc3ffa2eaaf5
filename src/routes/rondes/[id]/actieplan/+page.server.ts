import { z } from 'zod';
import { ACTION_STATUSES, MAX_PLAN_THEMES } from '$lib/domain/action-plan';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import {
	addAction,
	planOf,
	removeAction,
	setActionStatus,
	type PlanChange
} from '$lib/server/rounds/action-plan';
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

const reply = (c: PlanChange, saved: string) =>
	c.ok ? { saved } : invalid(c.status, { message: c.message });

export const actions: Actions = {
	toevoegen: async (event) => {
		const { me, db, r, q } = context(event);
		const parsed = await parseForm(event.request, addForm, ['themeId', 'action', 'owner', 'dueOn']);
		if ('failure' in parsed) return parsed.failure;
		const d = parsed.data;
		const added = addAction(
			db,
			me.id,
			r,
			q.themes.map((t) => t.id),
			{ themeId: d.themeId, action: d.action, owner: d.owner, dueOn: d.dueOn || null }
		);
		if (!added.ok && added.field)
			return invalid(added.status, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { [added.field]: added.message },
				values: { themeId: d.themeId, action: d.action, owner: d.owner, dueOn: d.dueOn ?? '' }
			});
		return reply(added, 'De actie is toegevoegd.');
	},
	status: async (event) => {
		const { db, r } = context(event);
		const parsed = await parseForm(
			event.request,
			z.object({ id: fields.id, status: z.enum(ACTION_STATUSES, { error: 'Onbekende stand.' }) })
		);
		if ('failure' in parsed) return parsed.failure;
		return reply(
			setActionStatus(db, r, parsed.data.id, parsed.data.status),
			'De stand is bijgewerkt.'
		);
	},
	verwijderen: async (event) => {
		const { me, db, r } = context(event);
		const parsed = await parseForm(event.request, z.object({ id: fields.id }));
		if ('failure' in parsed) return parsed.failure;
		return reply(removeAction(db, me.id, r, parsed.data.id), 'De actie is verwijderd.');
	}
};
