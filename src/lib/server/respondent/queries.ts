import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { answer, response, round, school } from '../db/schema';

/**
 * The queries of the respondent's hot path (every save runs them), prepared once per database:
 * building and compiling them on every request cost more than running them.
 */
function prepare(db: Db) {
	const p = sql.placeholder;
	return {
		roundByToken: db
			.select()
			.from(round)
			.where(eq(round.shareToken, p('token')))
			.prepare(),
		roundState: db
			.select({ status: round.status, closesAt: round.closesAt })
			.from(round)
			.where(eq(round.id, p('id')))
			.prepare(),
		responseLocked: db
			.select({ lockedAt: response.lockedAt })
			.from(response)
			.where(eq(response.id, p('response')))
			.prepare(),
		schoolById: db
			.select()
			.from(school)
			.where(eq(school.id, p('id')))
			.prepare(),
		responseByToken: db
			.select()
			.from(response)
			.where(and(eq(response.tokenHash, p('hash')), eq(response.roundId, p('round'))))
			.prepare(),
		answersOf: db
			.select({ itemId: answer.itemId, value: answer.value })
			.from(answer)
			.where(eq(answer.responseId, p('response')))
			.prepare(),
		upsertAnswer: db
			.insert(answer)
			.values({ responseId: p('response'), itemId: p('item'), value: p('value') })
			.onConflictDoUpdate({
				target: [answer.responseId, answer.itemId],
				set: { value: sql`excluded.value` }
			})
			.prepare(),
		deleteAnswer: db
			.delete(answer)
			.where(and(eq(answer.responseId, p('response')), eq(answer.itemId, p('item'))))
			.prepare(),
		touchResponse: db
			.update(response)
			.set({ updatedAt: sql`(unixepoch('subsec') * 1000)` })
			.where(eq(response.id, p('response')))
			.prepare()
	};
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

export function respondentQueries(db: Db) {
	let q = cache.get(db);
	if (!q) cache.set(db, (q = prepare(db)));
	return q;
}
