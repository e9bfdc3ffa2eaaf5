import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { auditEvent, user } from '../db/schema';

/** Records who did what to which account, SWV, school or round. */
export function audit(
	db: Db,
	userId: string | null,
	action: string,
	target: { type: string; id?: string | number | null },
	detail?: Record<string, unknown>
): void {
	db.insert(auditEvent)
		.values({
			userId,
			action,
			targetType: target.type,
			targetId: target.id === undefined || target.id === null ? null : String(target.id),
			detail
		})
		.run();
}

/** The latest events, newest first, with the address of who did it (for the admin's log). */
export function recentAuditEvents(db: Db, limit = 300) {
	return db
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
		.limit(limit)
		.all();
}
