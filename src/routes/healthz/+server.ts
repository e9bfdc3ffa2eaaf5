import type { RequestHandler } from './$types';

/**
 * Liveness, for a process supervisor: the process answers HTTP. Deliberately checks nothing else
 * (a database problem is a readiness problem: restarting would not fix a locked or full disk);
 * load balancers use /readyz.
 */
export const GET: RequestHandler = () =>
	new Response('ok\n', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
