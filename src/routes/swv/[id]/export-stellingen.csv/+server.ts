import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser, swvFor } from '$lib/server/auth/access';
import { toCsv } from '$lib/domain/swv/export';
import { exportName, swvExportTables } from '$lib/server/swv/export';
import { typeParam } from '$lib/server/swv/params';
import type { RequestHandler } from './$types';

/** Mean scores per school per statement, as CSV. */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const [, items] = swvExportTables(db, getQuestionnaires(), s, typeParam(url));
	return new Response(toCsv(items!), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${exportName(s, 'stellingen', 'csv')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
