import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { reportFileName } from '$lib/domain/report-file';
import { schoolReport } from '$lib/domain/school-report';
import { pdfResponse } from '$lib/server/pdf/document';
import { renderSchoolReport } from '$lib/server/pdf/school-report';
import { roundReportInput } from '$lib/server/results/round-results';
import { roundFor } from '$lib/server/rounds/rounds';
import type { RequestHandler } from './$types';

/**
 * The round's report as a PDF, for the same coordinators as the results page. Without the open
 * comments: the PDF is made to be passed on (SOP, MR), the comments are not.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const r = roundFor(db, me, Number(params.id));
	const input = roundReportInput(db, getQuestionnaires(), r, false);
	const model = schoolReport(input);
	const pdf = await renderSchoolReport(model);
	return pdfResponse(pdf, reportFileName(model.meta.slugSource, input.round.closedAt, input.today));
};
