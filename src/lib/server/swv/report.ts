import { formatDate, isoDay } from '$lib/domain/format';
import { boardReport } from '$lib/domain/swv/board-report';
import { swvReport } from '$lib/domain/swv/report';
import type { SwvRow } from '../auth/access';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { ownScanOf, sectorBenchmarkOf, swvOverviewData } from './overview';
import { schoolScanFrame } from './picture';

/** What both SWV reports read: the overview, the own scan (dated in Dutch) and today. */
function reportSources(db: Db, registry: QuestionnaireRegistry, s: SwvRow, now: Date) {
	const own = ownScanOf(db, registry, s.id);
	return {
		data: swvOverviewData(db, registry, s),
		own: own && { ...own, finishedAt: formatDate(own.finishedAt) },
		today: isoDay(now),
		levels: schoolScanFrame(registry).levels
	};
}

/** The SWV report's model: the same figures as its overview pages, dated today in Dutch time. */
export function swvReportModel(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	now = new Date()
) {
	const { data, own, today, levels } = reportSources(db, registry, s, now);
	return swvReport({
		swv: { name: s.name, code: s.code, sector: s.sector },
		today,
		questionnaire: data.questionnaire,
		levels,
		overview: data.overview,
		trend: data.trend,
		benchmark: sectorBenchmarkOf(db, registry, s),
		ownScan: own
	});
}

/** The short bestuursrapportage for the board and the OPR, from the same overview. */
export function boardReportModel(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	now = new Date()
) {
	const { data, own, today, levels } = reportSources(db, registry, s, now);
	return boardReport({
		swv: { name: s.name, code: s.code },
		today,
		now,
		levels,
		overview: data.overview,
		trendPoints: data.trendPoints,
		ownScan: own
	});
}
