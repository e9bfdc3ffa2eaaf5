import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { swvSchoolsData } from '$lib/server/swv/overview';
import { filterParams, sortParam, typeParam } from '$lib/server/swv/params';
import { schoolScanFrame } from '$lib/server/swv/picture';
import type { PageServerLoad } from './$types';

/** The SWV's schools: participation, the schools × themes table, charts and benchmarks. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const registry = getQuestionnaires();
	const { themes, levels } = schoolScanFrame(registry);
	const type = typeParam(url);
	const sort = sortParam(
		url,
		themes.map((t) => t.id)
	);
	const filter = filterParams(
		url,
		themes.map((t) => t.id),
		levels.map((l) => l.id)
	);
	return swvSchoolsData(db, registry, s, { type, sort, filter });
};
