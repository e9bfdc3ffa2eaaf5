import { dutchDate } from '$lib/domain/school-report';
import { swvReport } from '$lib/domain/swv/report';
import type { SwvRow } from '../auth/access';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { ownScanOf, sectorBenchmarkOf, swvOverviewData } from './overview';
import { schoolScanFrame } from './picture';

/** The SWV report's model: the same figures as its overview pages, dated today in Dutch time. */
export function swvReportModel(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	now = new Date()
) {
	const data = swvOverviewData(db, registry, s);
	const own = ownScanOf(db, registry, s.id);
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
	return swvReport({
		swv: { name: s.name, code: s.code, sector: s.sector },
		today,
		questionnaire: data.questionnaire,
		levels: schoolScanFrame(registry).levels,
		overview: data.overview,
		trend: data.trend,
		benchmark: sectorBenchmarkOf(db, registry, s),
		ownScan: own && { ...own, finishedAt: dutchDate(own.finishedAt.toISOString()) }
	});
}
