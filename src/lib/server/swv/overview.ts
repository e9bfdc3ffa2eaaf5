import { companionChoices, companionRounds } from '../rounds/companion';
import type { SchoolType } from '$lib/domain/school-type';
import { sectorBenchmark, type BenchmarkSchool } from '$lib/domain/swv/benchmark';
import type { RowFilter } from '$lib/domain/swv/filter';
import { swvOverview, type Sort } from '$lib/domain/swv/overview';
import { statementSets } from '$lib/domain/swv/per-type';
import { readiness } from '$lib/domain/swv/readiness';
import { swvTrend } from '$lib/domain/swv/trend';
import { and, desc, eq } from 'drizzle-orm';
import { levelFor } from '$lib/domain/questionnaire/model';
import type { SwvRow } from '../auth/access';
import { round } from '../db/schema';
import { isRoundOpen } from '../rounds/rounds';
import { snapshotsOf } from '../results/snapshots';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { normOf } from './norm';
import { finishedAt, schoolScanFrame, swvSchoolPicture } from './picture';
import { latestReleasedScores } from '../results/benchmarks';

/**
 * What the SWV overview page (and the SWV's PDF report) shows of its schools: the domain
 * functions over what the database holds for this SWV. The sector benchmark is `sectorBenchmarkOf`.
 */
export function swvOverviewData(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	options: { type?: SchoolType | null; sort?: Sort; filter?: RowFilter } = {}
) {
	const { themes, levels, questionnaire } = schoolScanFrame(registry);
	const picture = swvSchoolPicture(db, registry, s.id);
	const statements = statementSets(questionnaire);
	const types = new Map(picture.schools.map((x) => [x.id, x.schoolType]));
	// The trend follows the type filter, like the table and its footer.
	const typeOf = (id: number) => {
		const t = types.get(id);
		return options.type && t !== options.type ? undefined : t;
	};
	return {
		questionnaire: { title: questionnaire.title, version: questionnaire.version },
		levels: levels.map((l) => ({ id: l.id, name: l.name, from: l.from, to: l.to })),
		typesPresent: [...new Set(picture.schools.map((x) => x.schoolType))],
		overview: swvOverview({
			themes,
			levels,
			norm: normOf(db, s.id),
			schools: picture.schools,
			type: options.type,
			sort: options.sort,
			filter: options.filter,
			statements
		}),
		/** Each school's shared rounds (theme scores), for what changed since last year. */
		trendPoints: picture.trend,
		/** How many schools asked another group (parents) in their latest shared round. */
		companions: companionChoices(registry, 'school-scan').map((c) => ({
			label: c.label,
			schools: [...picture.latestRounds.values()].filter(({ round: r }) =>
				companionRounds(db, r.id).some((x) => x.questionnaireId === c.id && x.releasedAt)
			).length
		})),
		trend: swvTrend(themes, levels, picture.trend, typeOf, statements)
	};
}

/** The SWV against the SWVs of its sector (a query over the whole sector: only where shown). */
export function sectorBenchmarkOf(db: Db, registry: QuestionnaireRegistry, s: SwvRow) {
	const { themes, levels, questionnaire } = schoolScanFrame(registry);
	const bySwv = new Map<number, BenchmarkSchool[]>();
	for (const x of latestReleasedScores(db, registry, { sector: s.sector }))
		bySwv.set(x.swvId, [...(bySwv.get(x.swvId) ?? []), x]);
	return sectorBenchmark(
		themes,
		levels,
		[...bySwv.entries()].map(([swvId, schools]) => ({ swvId, schools })),
		s.id,
		statementSets(questionnaire)
	);
}

/** The SWV's latest finished own scan (swv-scan), scored from its snapshot. */
export function ownScanOf(db: Db, registry: QuestionnaireRegistry, swvId: number) {
	const own = db
		.select()
		.from(round)
		.where(and(eq(round.swvId, swvId), eq(round.scope, 'swv')))
		.orderBy(desc(round.opensAt), desc(round.id))
		.all()
		.find((r) => !isRoundOpen(r));
	if (!own) return null;
	const q = registry.get(own.questionnaireId, own.questionnaireVersion);
	const snap = snapshotsOf(db, registry, [own]).get(own.id);
	if (!q || !snap) return null;
	return {
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
				level: score === null ? null : levelFor(q.levels, score)
			};
		})
	};
}

/** The SWV's schools page: the overview with the type filter and sort, and the benchmark. */
export function swvSchoolsData(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	options: { type: SchoolType | null; sort: Sort; filter: RowFilter }
) {
	return {
		swv: { id: s.id, name: s.name, sector: s.sector },
		/** The table is wide: the layout gives this page the whole window. */
		wide: true,
		...options,
		...swvOverviewData(db, registry, s, options),
		benchmark: sectorBenchmarkOf(db, registry, s)
	};
}

/** The SWV's readiness: its own scan (swv-scan) beside the picture of its schools. */
export function swvReadinessData(db: Db, registry: QuestionnaireRegistry, s: SwvRow) {
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
}
