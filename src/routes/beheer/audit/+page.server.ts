import { desc, eq } from 'drizzle-orm';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { auditEvent, user } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	return {
		events: getDb()
			.select({
				id: auditEvent.id,
				at: auditEvent.at,
				action: auditEvent.action,
				targetType: auditEvent.targetType,
				targetId: auditEvent.targetId,
				who: user.email
			})
			.from(auditEvent)
			.leftJoin(user, eq(user.id, auditEvent.userId))
			.orderBy(desc(auditEvent.id))
			.limit(300)
			.all()
	};
};
