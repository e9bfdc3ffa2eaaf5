import { readiness } from '$lib/domain/swv-overview';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { schoolScanFrame } from '$lib/server/swv/picture';
import { ownScanOf, swvOverviewData } from '$lib/server/swv/overview';
import type { PageServerLoad } from './$types';

/** The SWV's readiness: its own scan (swv-scan) beside the picture of its schools. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const registry = getQuestionnaires();
	const own = ownScanOf(db, registry, s.id);
	const ownScan = own
		? { ...own, themes: own.themes.map((t) => ({ ...t, level: t.level?.name ?? null })) }
		: null;
	const { overview, levels, questionnaire } = swvOverviewData(db, registry, s);
	return {
		swv: { id: s.id, name: s.name },
		ownScan,
		levels,
		questionnaire,
		schools: {
			participation: {
				schools: overview.participation.schools,
				withScores: overview.participation.withScores
			},
			themes: readiness(overview, schoolScanFrame(registry).levels)
		}
	};
};
