import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SchoolType } from '$lib/domain/school-type';
import type { Db } from './db/open';
import { response, themeComment } from './db/schema';
import type { QuestionnaireRegistry } from './questionnaires';
import { latestReleasedScores } from './swv-picture';

/**
 * The open comments of these responses of a round per theme, in alphabetical order so that no
 * order of respondents shows.
 */
export function roundComments(
	db: Db,
	roundId: number,
	responseIds: readonly number[]
): Record<string, string[]> {
	if (!responseIds.length) return {};
	const rows = db
		.select({ themeId: themeComment.themeId, text: themeComment.text })
		.from(themeComment)
		.innerJoin(response, eq(response.id, themeComment.responseId))
		.where(and(eq(response.roundId, roundId), inArray(response.id, [...responseIds])))
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
