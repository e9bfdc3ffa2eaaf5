import { eq, inArray } from 'drizzle-orm';
import { scoreRound, type RoundScore } from '$lib/domain/scoring';
import type { RoundRow } from './access';
import type { Db } from './db/open';
import { round, roundSnapshot, school } from './db/schema';
import type { QuestionnaireRegistry } from './questionnaires';
import { roundTallies } from './results';
import { isRoundOpen } from './rounds';

/**
 * Snapshots of finished rounds' scores (see `roundSnapshot`). They are made when a round
 * closes, and on first use for a round that ended by its closing date; reopening or extending a
 * round drops its snapshot, because it may take answers again.
 */

export type Snapshot = typeof roundSnapshot.$inferSelect;

export function snapshotOfScore(
	roundId: number,
	score: RoundScore
): typeof roundSnapshot.$inferInsert {
	const shown = score.disclosure !== 'hidden';
	return {
		roundId,
		respondents: score.respondents,
		disclosure: score.disclosure,
		themes: shown ? Object.fromEntries(score.themes.map((t) => [t.themeId, t.score])) : {},
		items: shown
			? Object.fromEntries(
					score.themes.flatMap((t) =>
						t.items.map((i) => [i.itemId, { mean: i.mean, meanOnScale: i.meanOnScale, n: i.n }])
					)
				)
			: {}
	};
}

/** Scores a finished round from its answers and stores the snapshot (replacing an older one). */
export function takeSnapshot(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow
): Snapshot | null {
	const q = registry.get(r.questionnaireId, r.questionnaireVersion);
	if (!q) return null;
	const context = r.schoolId
		? (db.select({ t: school.schoolType }).from(school).where(eq(school.id, r.schoolId)).get()?.t ??
			'swv')
		: 'swv';
	const row = snapshotOfScore(
		r.id,
		scoreRound(q, context, roundTallies(db, r.id), r.minRespondents)
	);
	return db
		.insert(roundSnapshot)
		.values(row)
		.onConflictDoUpdate({ target: roundSnapshot.roundId, set: row })
		.returning()
		.get();
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
	if (missing.length) {
		db.transaction(() => {
			for (const r of missing) {
				const s = takeSnapshot(db, registry, r);
				if (s) out.set(r.id, s);
			}
		});
	}
	return out;
}
