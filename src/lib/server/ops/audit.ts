import type { Db } from '../db/open';
import { auditEvent } from '../db/schema';

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
