import { error } from '@sveltejs/kit';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { ScanContext } from '$lib/domain/school-type';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import { isOpen, type RoundPatch, type RoundState } from '$lib/domain/round-lifecycle';
import { maySchool, maySwv, type RoundRow, type SchoolRow } from '../auth/access';
import type { SessionUser } from '../auth/session';
import { generateShareToken } from '../auth/tokens';
import type { Db } from '../db/open';
import { response, round, school, themeComment } from '../db/schema';
import { markVersionUsed, type QuestionnaireRegistry } from '../questionnaires/registry';
import { respondentQueries } from '../respondent/queries';

/** Whose round it is and on which questionnaire. */
export interface RoundTarget {
	scope: 'school' | 'swv';
	schoolId: number | null;
	swvId: number;
	questionnaireId: string;
	openedBySwv: boolean;
}

/** What the coordinator chose in the form (`roundForm`). */
export interface RoundSettings {
	version: number;
	title: string;
	closesAt: Date | null;
	minRespondents: number;
	askGroups: boolean;
}

/** Opens a round; its questionnaire version is published from now on. */
export function createRound(
	db: Db,
	registry: QuestionnaireRegistry,
	target: RoundTarget,
	{ version, ...settings }: RoundSettings,
	createdBy: string
): number {
	markVersionUsed(db, registry, target.questionnaireId, version);
	return db
		.insert(round)
		.values({
			...target,
			...settings,
			questionnaireVersion: version,
			createdBy,
			opensAt: new Date(),
			shareToken: generateShareToken(),
			// Rounds an SWV opens for its schools are shared with it from the start.
			releasedAt: target.openedBySwv && target.scope === 'school' ? new Date() : null,
			everReleased: target.openedBySwv && target.scope === 'school'
		})
		.returning({ id: round.id })
		.get().id;
}

/** Open: not closed and not past its closing date (the lifecycle rule, `round-lifecycle.ts`). */
export function isRoundOpen(r: Pick<RoundRow, 'status' | 'closesAt'>, now = Date.now()): boolean {
	return isOpen({ status: r.status, closesAt: r.closesAt?.getTime() ?? null }, now);
}

export function roundSchool(db: Db, r: RoundRow): SchoolRow | null {
	return r.schoolId
		? (db.select().from(school).where(eq(school.id, r.schoolId)).get() ?? null)
		: null;
}

export function roundContext(db: Db, r: RoundRow): ScanContext {
	return roundSchool(db, r)?.schoolType ?? 'swv';
}

export function roundQuestionnaire(registry: QuestionnaireRegistry, r: RoundRow): Questionnaire {
	const q = registry.get(r.questionnaireId, r.questionnaireVersion);
	if (!q) error(500, `Vragenlijst ${r.questionnaireId} v${r.questionnaireVersion} ontbreekt.`);
	return q;
}

/** A round its coordinators may manage: the school's coordinators, or the SWV's for its own scan. */
export function roundFor(db: Db, user: SessionUser, id: number): RoundRow {
	const r = Number.isSafeInteger(id)
		? db.select().from(round).where(eq(round.id, id)).get()
		: undefined;
	const s = r ? roundSchool(db, r) : null;
	const allowed = r && (s ? maySchool(db, user, s, 'coordinate') : maySwv(db, user, r.swvId));
	// A companion round (parents) is managed through its team round only.
	if (!r || !allowed || r.companionOfRoundId !== null)
		error(404, 'Deze ronde bestaat niet of u heeft er geen toegang toe.');
	return r;
}

export interface RoundCounts {
	started: number;
	submitted: number;
	groups: { group: string | null; started: number; submitted: number }[];
}

export function roundCounts(db: Db, roundId: number): RoundCounts {
	const groups = db
		.select({
			group: response.respondentGroup,
			started: count(),
			submitted: count(response.submittedAt)
		})
		.from(response)
		.where(eq(response.roundId, roundId))
		.groupBy(response.respondentGroup)
		.all();
	return {
		started: groups.reduce((n, g) => n + g.started, 0),
		submitted: groups.reduce((n, g) => n + g.submitted, 0),
		groups
	};
}

/** Submitted responses per round, for lists of rounds. */
export function submittedCount(db: Db, roundId: number): number {
	return db
		.select({ n: count() })
		.from(response)
		.where(and(eq(response.roundId, roundId), isNotNull(response.submittedAt)))
		.get()!.n;
}

export function answersOf(db: Db, responseId: number): Record<string, number> {
	return Object.fromEntries(
		respondentQueries(db)
			.answersOf.all({ response: responseId })
			.map((a) => [a.itemId, a.value])
	);
}

export function commentsOf(db: Db, responseId: number): Record<string, string> {
	return Object.fromEntries(
		db
			.select({ themeId: themeComment.themeId, text: themeComment.text })
			.from(themeComment)
			.where(eq(themeComment.responseId, responseId))
			.all()
			.map((c) => [c.themeId, c.text])
	);
}

/** Stores one answer (upsert) and removes the answers its value hides; call inside a transaction. */
export function storeAnswer(
	db: Db,
	responseId: number,
	itemId: string,
	value: number,
	hidden: string[]
) {
	const q = respondentQueries(db);
	q.upsertAnswer.run({ response: responseId, item: itemId, value });
	for (const id of hidden) q.deleteAnswer.run({ response: responseId, item: id });
	q.touchResponse.run({ response: responseId });
}

export function storeComment(db: Db, responseId: number, themeId: string, text: string) {
	if (!text.trim()) {
		db.delete(themeComment)
			.where(and(eq(themeComment.responseId, responseId), eq(themeComment.themeId, themeId)))
			.run();
		return;
	}
	db.insert(themeComment)
		.values({ responseId, themeId, text })
		.onConflictDoUpdate({ target: [themeComment.responseId, themeComment.themeId], set: { text } })
		.run();
}

/** The round as the lifecycle rules see it (`domain/round-lifecycle.ts`). */
export function lifecycleState(r: RoundRow, shownToSwv: () => boolean): RoundState {
	const everShared = !!r.releasedAt || r.everReleased;
	return {
		scope: r.scope,
		status: r.status,
		closesAt: r.closesAt?.getTime() ?? null,
		released: !!r.releasedAt,
		everReleased: r.everReleased,
		openedBySwv: r.openedBySwv,
		// Only asked where it matters: a finished round that was shared.
		shownToSwv: everShared && shownToSwv()
	};
}

/** Writes a lifecycle patch to the round. */
export function applyRoundPatch(db: Db, roundId: number, patch: RoundPatch) {
	const { newShareToken, closedAt, closesAt, releasedAt, ...rest } = patch;
	const date = (x: number | null | undefined) =>
		x === undefined ? undefined : x === null ? null : new Date(x);
	db.update(round)
		.set({
			...rest,
			closedAt: date(closedAt),
			closesAt: date(closesAt),
			releasedAt: date(releasedAt),
			...(newShareToken ? { shareToken: generateShareToken() } : {})
		})
		.where(eq(round.id, roundId))
		.run();
}
