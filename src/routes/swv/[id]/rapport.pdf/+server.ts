import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { formatDate, isoDay } from '$lib/domain/format';
import { swvReport } from '$lib/domain/swv-report';
import { pdfResponse } from '$lib/server/pdf/document';
import { renderSwvReport } from '$lib/server/pdf/swv-report';
import { ownScanOf, sectorBenchmarkOf, swvOverviewData } from '$lib/server/swv/overview';
import type { RequestHandler } from './$types';

/** The SWV's report as a PDF, for its coordinators: the same figures as its overview pages. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const registry = getQuestionnaires();
	const data = swvOverviewData(db, registry, s);
	const own = ownScanOf(db, registry, s.id);
	const today = isoDay();
	const model = swvReport({
		swv: { name: s.name, code: s.code, sector: s.sector },
		today,
		questionnaire: data.questionnaire,
		levels: registry.latest('school-scan')!.levels,
		overview: data.overview,
		trend: data.trend,
		benchmark: sectorBenchmarkOf(db, registry, s),
		ownScan: own && { ...own, finishedAt: formatDate(own.finishedAt.toISOString()) }
	});
	const pdf = await renderSwvReport(model);
	return pdfResponse(pdf, model.meta.fileName);
};
