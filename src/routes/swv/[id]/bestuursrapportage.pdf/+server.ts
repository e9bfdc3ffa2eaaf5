import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { renderBoardReport } from '$lib/server/pdf/board-report';
import { pdfResponse } from '$lib/server/pdf/document';
import { boardReportModel } from '$lib/server/swv/report';
import type { RequestHandler } from './$types';

/** The SWV's short bestuursrapportage (one or two pages) for its board and OPR. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const model = boardReportModel(db, getQuestionnaires(), swvFor(db, me, Number(params.id)));
	return pdfResponse(await renderBoardReport(model), model.meta.fileName);
};
