import { eq, inArray } from 'drizzle-orm';
import type { RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import { disclosedRound } from './disclosure';
import { round, roundSnapshot } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { isRoundOpen } from '../rounds/rounds';

/**
 * Snapshots of finished rounds' scores (see `roundSnapshot`). They are made when a round
 * closes, and on first use for a round that ended by its closing date; reopening or extending a
 * round drops its snapshot, because it may take answers again.
 */

export type Snapshot = typeof roundSnapshot.$inferSelect;

/**
 * Makes a finished round's snapshot: what `disclosedRound` shows of it (recording that release
 * when it is the first view of this set of responses).
 */
export function takeSnapshot(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow
): Snapshot | null {
	if (!registry.get(r.questionnaireId, r.questionnaireVersion)) return null;
	disclosedRound(db, registry, r);
	return db.select().from(roundSnapshot).where(eq(roundSnapshot.roundId, r.id)).get() ?? null;
}

export function dropSnapshot(db: Db, roundId: number): void {
	db.delete(roundSnapshot).where(eq(roundSnapshot.roundId, roundId)).run();
}

/** Drops the snapshots of a school's rounds (its type changed: other statements count). */
export function dropSchoolSnapshots(db: Db, schoolId: number): void {
	db.delete(roundSnapshot)
		.where(
			inArray(
				roundSnapshot.roundId,
				db.select({ id: round.id }).from(round).where(eq(round.schoolId, schoolId))
			)
		)
		.run();
}

export type SnapshotScores = Omit<Snapshot, 'items' | 'computedAt'> & {
	items?: Snapshot['items'];
};

/**
 * The snapshots of these rounds, by round id; finished rounds without one get one now, open
 * rounds get none. Item scores are read only when asked for (they are most of a snapshot's size).
 */
export function snapshotsOf(
	db: Db,
	registry: QuestionnaireRegistry,
	rounds: readonly RoundRow[],
	{ withItems = false, now = Date.now() }: { withItems?: boolean; now?: number } = {}
): Map<number, SnapshotScores> {
	const finished = rounds.filter((r) => !isRoundOpen(r, now));
	const out = new Map<number, SnapshotScores>();
	const columns = {
		roundId: roundSnapshot.roundId,
		respondents: roundSnapshot.respondents,
		disclosure: roundSnapshot.disclosure,
		themes: roundSnapshot.themes,
		...(withItems ? { items: roundSnapshot.items } : {})
	};
	// SQLite allows some 32k parameters; stay well below.
	for (let i = 0; i < finished.length; i += 5000) {
		const ids = finished.slice(i, i + 5000).map((r) => r.id);
		for (const s of db
			.select(columns)
			.from(roundSnapshot)
			.where(inArray(roundSnapshot.roundId, ids))
			.all())
			out.set(s.roundId, s);
	}
	const missing = finished.filter((r) => !out.has(r.id));
	// In transactions of a few dozen rounds, so that answers being saved meanwhile wait
	// milliseconds, not the whole batch (after a migration this can be every round).
	for (let i = 0; i < missing.length; i += 50)
		db.transaction(() => {
			for (const r of missing.slice(i, i + 50)) {
				const s = takeSnapshot(db, registry, r);
				if (s) out.set(r.id, s);
			}
		});
	return out;
}
