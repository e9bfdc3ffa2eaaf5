import type { SchoolType } from '$lib/domain/school-type';
import { sectorBenchmark, swvOverview, swvTrend, type Sort } from '$lib/domain/swv-overview';
import type { SwvRow } from './access';
import type { Db } from './db/open';
import type { QuestionnaireRegistry } from './questionnaires';
import { latestReleasedScores, normOf, schoolScanFrame, swvSchoolPicture } from './swv-picture';

/**
 * Everything the SWV overview page (and the SWV's PDF report) shows: the domain functions over
 * what the database holds for this SWV, plus the benchmark against the SWVs of its sector.
 */
export function swvOverviewData(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	options: { type?: SchoolType | null; sort?: Sort } = {}
) {
	const { themes, levels, questionnaire } = schoolScanFrame(registry);
	const picture = swvSchoolPicture(db, registry, s.id);
	const bySwv = new Map<number, Record<string, number | null>[]>();
	for (const x of latestReleasedScores(db, registry, { sector: s.sector }))
		bySwv.set(x.swvId, [...(bySwv.get(x.swvId) ?? []), x.themes]);
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
			sort: options.sort
		}),
		trend: swvTrend(themes, levels, picture.trend),
		benchmark: sectorBenchmark(
			themes,
			levels,
			[...bySwv.entries()].map(([swvId, schools]) => ({ swvId, schools })),
			s.id
		)
	};
}

export type SwvOverviewData = ReturnType<typeof swvOverviewData>;
