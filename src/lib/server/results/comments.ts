import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { response, themeComment } from '../db/schema';

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
