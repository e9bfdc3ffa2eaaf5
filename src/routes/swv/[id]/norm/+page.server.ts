import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { parseForm } from '$lib/server/http/form';
import { normOf, saveNorm } from '$lib/server/swv/norm';
import { schoolScanFrame } from '$lib/server/swv/picture';
import type { Actions, PageServerLoad } from './$types';

/** The SWV's norm: per theme the level its agreed basisondersteuning expects of every school. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const { themes, levels } = schoolScanFrame(getQuestionnaires());
	return {
		swv: { id: s.id, name: s.name },
		themes,
		levels: levels.map((l) => ({ id: l.id, name: l.name, description: l.description })),
		norm: normOf(db, s.id)
	};
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const s = swvFor(db, me, Number(params.id));
		const { themes, levels } = schoolScanFrame(getQuestionnaires());
		const level = z.enum(['', ...levels.map((l) => l.id)] as [string, ...string[]], {
			error: 'Kies een niveau uit de lijst.'
		});
		const schema = z.object(Object.fromEntries(themes.map((t) => [t.id, level])));
		const parsed = await parseForm(request, schema);
		if ('failure' in parsed) return parsed.failure;
		saveNorm(
			db,
			s,
			themes.map((t) => t.id),
			parsed.data as Record<string, string>,
			me
		);
		return {
			saved: 'De norm is opgeslagen. Het overzicht en de exports tonen de scholen ertegen.'
		};
	}
};
