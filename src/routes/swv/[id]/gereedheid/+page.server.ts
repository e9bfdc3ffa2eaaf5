import { levelFor } from '$lib/domain/questionnaire/model';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/access';
import { schoolScanFrame } from '$lib/server/swv-picture';
import { ownScanOf, swvOverviewData } from '$lib/server/swv-overview';
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
			themes: overview.themes.map((t) => {
				const f = overview.footer[t.id]!;
				const cells = overview.rows.flatMap((r) =>
					r.cells ? r.cells.filter((c) => c.themeId === t.id && c.score !== null) : []
				);
				return {
					id: t.id,
					title: t.title,
					median: f.median,
					level:
						f.median === null ? null : levelFor(schoolScanFrame(registry).levels, f.median).name,
					n: f.n,
					levels: f.levels,
					norm: t.norm?.name ?? null,
					meetingNorm: t.norm ? cells.filter((c) => c.meetsNorm).length : null
				};
			})
		}
	};
};
