import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { recentAuditEvents } from '$lib/server/ops/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	return { events: recentAuditEvents(getDb()) };
};
