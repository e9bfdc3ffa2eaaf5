import { and, desc, eq } from 'drizzle-orm';
import { levelFor } from '$lib/domain/questionnaire/model';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/access';
import { round } from '$lib/server/db/schema';
import { isRoundOpen } from '$lib/server/rounds';
import { snapshotsOf } from '$lib/server/snapshots';
import { finishedAt, schoolScanFrame } from '$lib/server/swv-picture';
import { swvOverviewData } from '$lib/server/swv-overview';
import type { PageServerLoad } from './$types';

/** The SWV's readiness: its own scan (swv-scan) beside the picture of its schools. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const registry = getQuestionnaires();
	const own = db
		.select()
		.from(round)
		.where(and(eq(round.swvId, s.id), eq(round.scope, 'swv')))
		.orderBy(desc(round.opensAt), desc(round.id))
		.all()
		.find((r) => !isRoundOpen(r));
	let ownScan = null;
	if (own) {
		const q = registry.get(own.questionnaireId, own.questionnaireVersion);
		const snap = snapshotsOf(db, registry, [own]).get(own.id);
		if (q && snap)
			ownScan = {
				id: own.id,
				title: own.title,
				finishedAt: finishedAt(own),
				questionnaire: `${q.title}, versie ${own.questionnaireVersion}`,
				respondents: snap.respondents,
				minRespondents: own.minRespondents,
				hidden: snap.disclosure === 'hidden',
				themes: q.themes.map((t) => {
					const score = snap.themes[t.id] ?? null;
					return {
						id: t.id,
						title: t.title,
						score,
						level: score === null ? null : levelFor(q.levels, score).name
					};
				})
			};
	}
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
