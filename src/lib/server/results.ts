import { and, asc, count, desc, eq, exists, isNotNull, ne, sql } from 'drizzle-orm';
import { scoreRound, type GroupTally } from '$lib/domain/scoring';
import type { SchoolType } from '$lib/domain/school-type';
import type { Db } from './db/open';
import { answer, response, round, school, themeComment } from './db/schema';
import type { QuestionnaireRegistry } from './questionnaires';

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
 * Theme scores of other schools' latest released, closed rounds (for benchmarks): in one SWV, or
 * of one school type everywhere. Rounds below their minimum give nothing.
 */
export function releasedSchoolScores(
	db: Db,
	registry: QuestionnaireRegistry,
	filter: { swvId: number } | { schoolType: SchoolType },
	excludeSchoolId: number
): Record<string, number | null>[] {
	const rows = db
		.select({ round, schoolType: school.schoolType })
		.from(round)
		.innerJoin(school, eq(school.id, round.schoolId))
		.where(
			and(
				eq(round.status, 'closed'),
				isNotNull(round.releasedAt),
				ne(school.id, excludeSchoolId),
				'swvId' in filter
					? eq(school.swvId, filter.swvId)
					: eq(school.schoolType, filter.schoolType)
			)
		)
		.orderBy(desc(round.opensAt))
		.all();
	const latest = new Map<number, (typeof rows)[number]>();
	for (const row of rows)
		if (!latest.has(row.round.schoolId!)) latest.set(row.round.schoolId!, row);
	return [...latest.values()].flatMap(({ round: r, schoolType }) => {
		const q = registry.get(r.questionnaireId, r.questionnaireVersion);
		if (!q) return [];
		const s = scoreRound(q, schoolType, roundTallies(db, r.id), r.minRespondents);
		return s.disclosure === 'hidden'
			? []
			: [Object.fromEntries(s.themes.map((t) => [t.themeId, t.score]))];
	});
}
