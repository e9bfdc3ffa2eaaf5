import { eq } from 'drizzle-orm';
import { participation } from '$lib/domain/disclosure';
import { responseRate, responseRateSentence } from '$lib/domain/reminders';
import { canReopen, transition, type RoundAction } from '$lib/domain/round-lifecycle';
import type { RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import { eraseDeleted } from '../db/erase';
import { round } from '../db/schema';
import { audit } from '../ops/audit';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { hasRelease } from '../results/disclosure';
import { dropSnapshot, takeSnapshot } from '../results/snapshots';
import { applyToCompanions, companionBlocks } from './companion';
import { remindersOf } from './reminders';
import { applyRoundPatch, isRoundOpen, lifecycleState, roundCounts, roundSchool } from './rounds';

/**
 * What a coordinator does with a round on its page: the overview with its participation, and
 * closing, reopening, extending, a new link and deleting, each as the lifecycle rules allow.
 */

export type Outcome = { ok: true } | { ok: false; status: 400 | 409; message: string };

/** The round as the lifecycle rules see it: did the SWV see figures of it? */
export function stateOf(db: Db, r: RoundRow) {
	return lifecycleState(r, () => hasRelease(db, r.id));
}

/** The round page: its state, whose it is, the answer link's token and who took part. */
export function roundOverview(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow,
	userId: string,
	origin: string,
	now = Date.now()
) {
	const s = roundSchool(db, r);
	const q = registry.get(r.questionnaireId, r.questionnaireVersion);
	const counts = roundCounts(db, r.id);
	// From the total of sent responses only, never per function (see scoring-and-privacy.md).
	const rate = responseRate(counts.submitted, r.teamSize);
	return {
		round: {
			id: r.id,
			title: r.title,
			open: isRoundOpen(r, now),
			status: r.status,
			opensAt: r.opensAt,
			closesAt: r.closesAt,
			minRespondents: r.minRespondents,
			askGroups: r.askGroups,
			teamSize: r.teamSize,
			questionnaire: `${q?.title ?? r.questionnaireId}, versie ${r.questionnaireVersion}`,
			canReopen: canReopen(stateOf(db, r), now),
			released: !!r.releasedAt || r.everReleased
		},
		unit: s
			? { name: s.name, href: `/scholen/${s.id}` }
			: { name: 'Eigen scan van het samenwerkingsverband', href: `/swv/${r.swvId}` },
		rate: rate ? { sentence: responseRateSentence(rate), over: rate.kind === 'over' } : null,
		/** The reminders this coordinator asked for. */
		reminders: remindersOf(db, userId, r, now),
		shareToken: r.shareToken,
		/** For the ready invitation text. */
		invitation: {
			unitName: s?.name ?? 'ons samenwerkingsverband',
			minutes: q?.minutes ?? 15
		},
		/** The parents' (companion) blocks: link, ready text, minimum, counts. */
		companions: companionBlocks(db, registry, r, origin),
		counts: q
			? participation(q, counts, r.minRespondents)
			: { submitted: counts.submitted, unsent: counts.started - counts.submitted, groups: [] }
	};
}

/**
 * Asks the lifecycle rules; on yes, writes the patch (and `also`, for the round and each of its
 * companions) in one transaction and audits. A companion round follows its team round.
 */
function change(
	db: Db,
	userId: string,
	r: RoundRow,
	action: RoundAction,
	event: string,
	also: (x: RoundRow) => void = () => {}
): Outcome {
	const t = transition(stateOf(db, r), action);
	if (!t.ok) return t;
	db.transaction(() => {
		applyRoundPatch(db, r.id, t.patch);
		also(r);
		for (const c of applyToCompanions(db, r.id, t.patch)) also(c);
	});
	audit(db, userId, event, { type: 'ronde', id: r.id });
	return { ok: true };
}

/** Closed and its result fixed in one transaction: no snapshot without its closed round. */
export function closeRound(
	db: Db,
	registry: QuestionnaireRegistry,
	userId: string,
	r: RoundRow,
	now = Date.now()
): Outcome {
	return change(db, userId, r, { kind: 'close', now }, 'ronde.gesloten', (x) =>
		takeSnapshot(db, registry, { ...x, status: 'closed' })
	);
}

export function reopenRound(db: Db, userId: string, r: RoundRow, now = Date.now()): Outcome {
	return change(db, userId, r, { kind: 'reopen', now }, 'ronde.heropend', (x) =>
		dropSnapshot(db, x.id)
	);
}

export function extendRound(
	db: Db,
	userId: string,
	r: RoundRow,
	closesAt: Date,
	now = Date.now()
): Outcome {
	return change(
		db,
		userId,
		r,
		{ kind: 'extend', now, closesAt: closesAt.getTime() },
		'ronde.verlengd',
		(x) => dropSnapshot(db, x.id)
	);
}

export function renewShareLink(db: Db, userId: string, r: RoundRow): Outcome {
	return change(db, userId, r, { kind: 'new-link' }, 'ronde.nieuwe-link');
}

/** Sets (or, with null, clears) how many people were invited: for the response rate. */
export function setTeamSize(db: Db, userId: string, r: RoundRow, teamSize: number | null): Outcome {
	db.update(round).set({ teamSize }).where(eq(round.id, r.id)).run();
	audit(db, userId, 'ronde.teamgrootte', { type: 'ronde', id: r.id }, { teamSize });
	return { ok: true };
}

/** Deletes the round with all its answers (overwritten on disk); returns where to go next. */
export function deleteRound(db: Db, userId: string, r: RoundRow): string {
	db.delete(round).where(eq(round.id, r.id)).run();
	eraseDeleted(db);
	audit(db, userId, 'ronde.verwijderd', { type: 'ronde', id: r.id }, { title: r.title });
	return r.schoolId ? `/scholen/${r.schoolId}` : `/swv/${r.swvId}`;
}
