import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { exportName, swvXlsx } from '$lib/server/swv/export';
import { typeParam } from '$lib/server/swv/params';
import type { RequestHandler } from './$types';

/** The matrix and both export tables as one Excel workbook, a sheet each. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const body = await swvXlsx(db, getQuestionnaires(), s, typeParam(url));
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${exportName(s, 'scores', 'xlsx')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
