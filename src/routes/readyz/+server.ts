import { getDb, getQuestionnaires } from '$lib/server/app';
import { log } from '$lib/server/ops/log';
import { readinessProblem } from '$lib/server/ops/readiness';
import type { RequestHandler } from './$types';

/** Readiness, for a load balancer: 200 "klaar", or 503 with the reason on one line. */
export const GET: RequestHandler = () => {
	const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
	const problem = readinessProblem(getDb(), getQuestionnaires());
	if (!problem) return new Response('klaar\n', { headers });
	log.warn({ problem }, 'niet klaar');
	return new Response(`niet klaar: ${problem}\n`, { status: 503, headers });
};
