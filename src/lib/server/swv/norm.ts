import { eq } from 'drizzle-orm';
import type { SwvRow } from '../auth/access';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db/open';
import { swvNorm } from '../db/schema';
import { audit } from '../ops/audit';

/** The SWV's norm: per theme the level its agreed basisondersteuning expects of every school. */

/** Theme id → level id, for the themes the SWV set a norm for. */
export function normOf(db: Db, swvId: number): Record<string, string> {
	return Object.fromEntries(
		db
			.select({ themeId: swvNorm.themeId, levelId: swvNorm.levelId })
			.from(swvNorm)
			.where(eq(swvNorm.swvId, swvId))
			.all()
			.map((n) => [n.themeId, n.levelId])
	);
}

/** Replaces the SWV's norm by `chosen` (theme id → level id; an empty level means no norm). */
export function saveNorm(
	db: Db,
	s: SwvRow,
	themeIds: readonly string[],
	chosen: Readonly<Record<string, string>>,
	me: SessionUser
) {
	db.transaction((tx) => {
		tx.delete(swvNorm).where(eq(swvNorm.swvId, s.id)).run();
		for (const id of themeIds)
			if (chosen[id])
				tx.insert(swvNorm)
					.values({ swvId: s.id, themeId: id, levelId: chosen[id], updatedBy: me.id })
					.run();
	});
	audit(db, me.id, 'swv.norm-gewijzigd', { type: 'swv', id: s.id }, chosen);
}
