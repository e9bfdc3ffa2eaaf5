import { and, asc, count, eq, exists, sql } from 'drizzle-orm';
import type { GroupTally } from '$lib/domain/scoring';
import type { SchoolType } from '$lib/domain/school-type';
import type { Db } from './db/open';
import { answer, response, themeComment } from './db/schema';
import type { QuestionnaireRegistry } from './questionnaires';
import { latestReleasedScores } from './swv-picture';

/**
 * A round's answers as counts per respondent group, item and value (one GROUP BY), and the
 * number of respondents per group: everyone who gave at least one answer.
 */
export function roundTallies(db: Db, roundId: number): GroupTally[] {
	const counts = db
		.select({
			group: response.respondentGroup,
			itemId: answer.itemId,
			value: answer.value,
			n: count()
		})
		.from(answer)
		.innerJoin(response, eq(response.id, answer.responseId))
		.where(eq(response.roundId, roundId))
		.groupBy(response.respondentGroup, answer.itemId, answer.value)
		.all();
	const respondents = db
		.select({ group: response.respondentGroup, n: count() })
		.from(response)
		.where(
			and(
				eq(response.roundId, roundId),
				exists(
					db
						.select({ one: sql`1` })
						.from(answer)
						.where(eq(answer.responseId, response.id))
				)
			)
		)
		.groupBy(response.respondentGroup)
		.all();
	const tallies = new Map<string, GroupTally>();
	for (const r of respondents)
		tallies.set(r.group ?? '', { group: r.group ?? '', respondents: r.n, items: {} });
	for (const c of counts) {
		const t = tallies.get(c.group ?? '');
		if (!t) continue;
		(t.items[c.itemId] ??= {})[c.value] = c.n;
	}
	return [...tallies.values()];
}

/** The open comments of a round per theme, in alphabetical order so that no order of respondents shows. */
export function roundComments(db: Db, roundId: number): Record<string, string[]> {
	const rows = db
		.select({ themeId: themeComment.themeId, text: themeComment.text })
		.from(themeComment)
		.innerJoin(response, eq(response.id, themeComment.responseId))
		.where(eq(response.roundId, roundId))
		.orderBy(asc(themeComment.themeId), asc(themeComment.text))
		.all();
	const out: Record<string, string[]> = {};
	for (const r of rows) (out[r.themeId] ??= []).push(r.text);
	return out;
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
