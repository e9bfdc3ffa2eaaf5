import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import {
	checkImport,
	importReport,
	importSchools,
	readImportForm
} from '$lib/server/schools/import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	return {};
};

export const actions: Actions = {
	controleren: async ({ locals, url, request }) => {
		requireAdmin(locals, url);
		const input = await readImportForm(request);
		if ('error' in input) return fail(400, { message: input.error, csv: input.pasted });
		return {
			checked: true,
			csv: input.pasted,
			...importReport(checkImport(getDb(), input.text))
		};
	},
	importeren: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const input = await readImportForm(request);
		if ('error' in input) return fail(400, { message: input.error, csv: input.pasted });
		const db = getDb();
		const c = checkImport(db, input.text);
		const result = importSchools(db, c, input.force, me.id);
		if (!result.ok)
			return fail(400, {
				message: result.message,
				checked: true,
				csv: input.pasted,
				...importReport(c)
			});
		return { imported: result.imported, ...importReport(c) };
	}
};
