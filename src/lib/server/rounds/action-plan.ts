import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import { actionItem, round } from '../db/schema';

export type ActionRow = typeof actionItem.$inferSelect;

export function planOf(db: Db, roundId: number): ActionRow[] {
	return db
		.select()
		.from(actionItem)
		.where(eq(actionItem.roundId, roundId))
		.orderBy(asc(actionItem.themeId), asc(actionItem.id))
		.all();
}

/** The school's round before this one (by opening date), whose plan shows beside these results. */
export function previousRound(db: Db, r: RoundRow): RoundRow | undefined {
	if (!r.schoolId) return undefined;
	return db
		.select()
		.from(round)
		.where(
			and(
				eq(round.schoolId, r.schoolId),
				eq(round.questionnaireId, r.questionnaireId),
				lt(round.opensAt, r.opensAt)
			)
		)
		.orderBy(desc(round.opensAt))
		.limit(1)
		.get();
}
