import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { pdfResponse } from '$lib/server/pdf/document';
import { renderSwvReport } from '$lib/server/pdf/swv-report';
import { swvReportModel } from '$lib/server/swv/report';
import type { RequestHandler } from './$types';

/** The SWV's report as a PDF, for its coordinators: the same figures as its overview pages. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const model = swvReportModel(db, getQuestionnaires(), swvFor(db, me, Number(params.id)));
	return pdfResponse(await renderSwvReport(model), model.meta.fileName);
};
