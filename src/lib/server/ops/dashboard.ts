import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { questionnaireVersion, round, school, swv, user } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';

/**
 * The admin's start page: how many SWVs, schools and accounts there are, and every loaded
 * questionnaire version with when it was first used (from then on it is frozen) and in how many
 * rounds.
 */
export function adminDashboard(db: Db, registry: QuestionnaireRegistry) {
	const n = (table: typeof swv | typeof school | typeof user) =>
		db.select({ n: count() }).from(table).get()!.n;
	const used = db.select().from(questionnaireVersion).all();
	const rounds = db
		.select({ id: round.questionnaireId, version: round.questionnaireVersion, n: count() })
		.from(round)
		.groupBy(round.questionnaireId, round.questionnaireVersion)
		.all();
	return {
		counts: { swvs: n(swv), schools: n(school), users: n(user) },
		versions: registry.loaded.map(({ questionnaire: q, path }) => {
			const pinned = used.find((u) => u.questionnaireId === q.id && u.version === q.version);
			return {
				id: q.id,
				version: q.version,
				title: q.title,
				path,
				firstUsedAt: pinned?.firstUsedAt ?? null,
				rounds: rounds.find((r) => r.id === q.id && r.version === q.version)?.n ?? 0
			};
		}),
		activeSwvs: db.select({ n: count() }).from(swv).where(eq(swv.active, true)).get()!.n
	};
}
