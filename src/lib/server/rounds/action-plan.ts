import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { MAX_PLAN_THEMES, mayAddTheme } from '$lib/domain/action-plan';
import type { RoundRow } from '../auth/access';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { actionItem, round } from '../db/schema';

export type ActionRow = typeof actionItem.$inferSelect;

export function planOf(db: Db, roundId: number): ActionRow[] {
	return db
		.select()
		.from(actionItem)
		.where(eq(actionItem.roundId, roundId))
		.orderBy(asc(actionItem.themeId), asc(actionItem.id))
		.all();
}

/** The school's round before this one (by opening date), whose plan shows beside these results. */
export function previousRound(db: Db, r: RoundRow): RoundRow | undefined {
	if (!r.schoolId) return undefined;
	return db
		.select()
		.from(round)
		.where(
			and(
				eq(round.schoolId, r.schoolId),
				eq(round.questionnaireId, r.questionnaireId),
				lt(round.opensAt, r.opensAt)
			)
		)
		.orderBy(desc(round.opensAt))
		.limit(1)
		.get();
}

export type PlanChange =
	{ ok: true; id?: number } | { ok: false; status: 400 | 404; field?: 'themeId'; message: string };

/**
 * Adds an action on one of the questionnaire's themes, as long as the plan stays within
 * `MAX_PLAN_THEMES` themes.
 */
export function addAction(
	db: Db,
	userId: string,
	r: RoundRow,
	themes: readonly string[],
	a: { themeId: string; action: string; owner: string; dueOn: string | null }
): PlanChange {
	if (!themes.includes(a.themeId))
		return {
			ok: false,
			status: 400,
			field: 'themeId',
			message: 'Kies een thema uit deze vragenlijst.'
		};
	if (
		!mayAddTheme(
			planOf(db, r.id).map((i) => i.themeId),
			a.themeId
		)
	)
		return {
			ok: false,
			status: 400,
			field: 'themeId',
			message: `Een actieplan richt zich op hoogstens ${MAX_PLAN_THEMES} thema's. Kies een thema dat al in het plan staat.`
		};
	const id = db
		.insert(actionItem)
		.values({ roundId: r.id, ...a })
		.returning({ id: actionItem.id })
		.get().id;
	audit(db, userId, 'actieplan.toegevoegd', { type: 'ronde', id: r.id }, { actie: id });
	return { ok: true, id };
}

const GONE = { ok: false, status: 404, message: 'Deze actie bestaat niet (meer).' } as const;

export function setActionStatus(
	db: Db,
	r: RoundRow,
	id: number,
	status: ActionRow['status']
): PlanChange {
	const done = db
		.update(actionItem)
		.set({ status })
		.where(and(eq(actionItem.id, id), eq(actionItem.roundId, r.id)))
		.run();
	return done.changes === 1 ? { ok: true } : GONE;
}

export function removeAction(db: Db, userId: string, r: RoundRow, id: number): PlanChange {
	const done = db
		.delete(actionItem)
		.where(and(eq(actionItem.id, id), eq(actionItem.roundId, r.id)))
		.run();
	if (done.changes !== 1) return GONE;
	audit(db, userId, 'actieplan.verwijderd', { type: 'ronde', id: r.id });
	return { ok: true };
}
