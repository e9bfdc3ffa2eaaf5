import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { SchoolType } from '$lib/domain/school-type';
import type { Db } from '../db/open';
import { round, roundSnapshot, school, swv } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { snapshotsOf } from './snapshots';

export interface ReleasedScores {
	schoolId: number;
	swvId: number;
	schoolType: SchoolType;
	themes: Readonly<Record<string, number | null>>;
}

/** Finished: closed, or past its closing date (the SQL twin of `!isRoundOpen`). */
const finishedBy = (now: number) =>
	sql`(${round.status} = 'closed' or (${round.closesAt} is not null and ${round.closesAt} <= ${now}))`;

/**
 * Each school's latest finished round, where the school released it and it shows scores: over the
 * whole country, or the schools of one type, one sector or one SWV. A school that did not release
 * its newest round is left out (as in the SWV's overview), not represented by an older one. For
 * benchmarks: one query that picks the latest round per school (a window function) and reads only
 * the theme scores of its snapshot; released rounds without a snapshot yet get one first.
 */
export function latestReleasedScores(
	db: Db,
	registry: QuestionnaireRegistry,
	filter: { schoolType?: SchoolType; sector?: 'po' | 'vo'; swvId?: number } = {}
): ReleasedScores[] {
	const now = Date.now();
	const where = and(
		eq(round.scope, 'school'),
		// A companion round (parents) is no school's scan of its own.
		isNull(round.companionOfRoundId),
		eq(school.active, true),
		eq(swv.active, true),
		finishedBy(now),
		filter.schoolType ? eq(school.schoolType, filter.schoolType) : undefined,
		filter.sector ? eq(swv.sector, filter.sector) : undefined,
		filter.swvId ? eq(school.swvId, filter.swvId) : undefined
	);
	const ranked = db
		.select({
			roundId: round.id,
			// Not school.id: the subquery's columns go by name, and round.id is "id" already.
			schoolId: round.schoolId,
			swvId: school.swvId,
			schoolType: school.schoolType,
			released: round.releasedAt,
			rank: sql<number>`row_number() over (partition by ${round.schoolId} order by ${round.opensAt} desc, ${round.id} desc)`.as(
				'rank'
			)
		})
		.from(round)
		.innerJoin(school, eq(school.id, round.schoolId))
		.innerJoin(swv, eq(swv.id, school.swvId))
		.where(where)
		.as('ranked');
	// Only each school's latest round counts: only those get a snapshot here if they lack one.
	const missing = db
		.select({ round })
		.from(ranked)
		.innerJoin(round, eq(round.id, ranked.roundId))
		.leftJoin(roundSnapshot, eq(roundSnapshot.roundId, ranked.roundId))
		.where(and(eq(ranked.rank, 1), isNotNull(ranked.released), isNull(roundSnapshot.roundId)))
		.all();
	if (missing.length)
		snapshotsOf(
			db,
			registry,
			missing.map((m) => m.round),
			{ now }
		);
	return db
		.select({
			schoolId: ranked.schoolId,
			swvId: ranked.swvId,
			schoolType: ranked.schoolType,
			themes: roundSnapshot.themes
		})
		.from(ranked)
		.innerJoin(roundSnapshot, eq(roundSnapshot.roundId, ranked.roundId))
		.where(
			and(eq(ranked.rank, 1), isNotNull(ranked.released), ne(roundSnapshot.disclosure, 'hidden'))
		)
		.all()
		.map((x) => ({ ...x, schoolId: x.schoolId! }));
}

/**
 * Theme scores of other schools' latest released, finished rounds (for benchmarks): in one SWV,
 * or of one school type everywhere. Rounds below their minimum give nothing. Read from the
 * snapshots of finished rounds, so a benchmark over the whole country stays one query.
 */
export function releasedSchoolScores(
	db: Db,
	registry: QuestionnaireRegistry,
	filter: { swvId: number } | { schoolType: SchoolType },
	excludeSchoolId: number
): Record<string, number | null>[] {
	return latestReleasedScores(db, registry, filter)
		.filter((x) => x.schoolId !== excludeSchoolId)
		.map((x) => x.themes);
}
