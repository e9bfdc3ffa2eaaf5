import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { getDb, getQuestionnaires } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: is the database reachable and writable-ready? */
export const GET: RequestHandler = () => {
	try {
		const row = getDb().get<{ ok: number }>(sql`select 1 as ok`);
		const versions = getQuestionnaires().loaded.length;
		return json(
			{ status: 'ok', database: row.ok === 1 ? 'ok' : 'fout', questionnaires: versions },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (error) {
		console.error('[healthz]', error);
		return json({ status: 'fout', database: 'niet bereikbaar' }, { status: 503 });
	}
};
