import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { adminDashboard } from '$lib/server/ops/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	return adminDashboard(getDb(), getQuestionnaires());
};
