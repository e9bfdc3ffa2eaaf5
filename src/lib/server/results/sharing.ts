import { eq } from 'drizzle-orm';
import { transition } from '$lib/domain/round-lifecycle';
import type { RoundRow } from '../auth/access';
import { generateShareToken } from '../auth/tokens';
import type { Db } from '../db/open';
import { round } from '../db/schema';
import { audit } from '../ops/audit';
import { stateOf } from '../rounds/manage';
import { applyToCompanions } from '../rounds/companion';
import { applyRoundPatch, isRoundOpen, submittedCount } from '../rounds/rounds';

/**
 * Who sees a round's results besides its coordinators: the SWV (a school's release, with an
 * explanation) and the team (a read-only link without the comments).
 */

export type ShareOutcome =
	| { ok: true; first: boolean }
	| { ok: false; status: 400 | 409; message: string; field?: 'confirm' };

/**
 * Why a school cannot share this round with the SWV yet, or null when it can: results are shared
 * once the round is finished and reached its minimum of sent responses.
 */
export function notShareableYet(db: Db, r: RoundRow, now = Date.now()): string | null {
	if (isRoundOpen(r, now)) return 'De ronde loopt nog. Delen kan als de ronde gesloten is.';
	const sent = submittedCount(db, r.id);
	if (sent < r.minRespondents)
		return `Er zijn ${sent} vragenlijsten verstuurd; delen kan vanaf ${r.minRespondents}, zodat niemands antwoorden herkenbaar zijn.`;
	return null;
}

/** What the results page shows about sharing with the SWV; null for the SWV's own scan. */
export function releaseView(db: Db, r: RoundRow, now = Date.now()) {
	if (r.scope !== 'school') return null;
	return {
		/** Why sharing is not offered yet (only asked before the first release). */
		notYet: r.releasedAt ? null : notShareableYet(db, r, now),
		releasedAt: r.releasedAt,
		note: r.releaseNote ?? '',
		openedBySwv: r.openedBySwv,
		finished: !isRoundOpen(r, now),
		/** A school stops sharing only what it shared itself. */
		mayStop: !!r.releasedAt && !r.openedBySwv,
		sharedView: `/scholen/${r.schoolId}/gedeeld?ronde=${r.id}`
	};
}

/** Shares the round's results with the SWV, or changes the explanation beside them. */
export function shareWithSwv(
	db: Db,
	userId: string,
	r: RoundRow,
	note: string | null,
	confirmed: boolean,
	now = Date.now()
): ShareOutcome {
	const t = transition(stateOf(db, r), { kind: 'share', now });
	if (!t.ok) return t;
	const first = !r.releasedAt;
	if (first) {
		const notYet = notShareableYet(db, r, now);
		if (notYet) return { ok: false, status: 409, message: notYet };
		if (!confirmed)
			return {
				ok: false,
				status: 400,
				field: 'confirm',
				message:
					'Bevestig dat het samenwerkingsverband de uitkomsten mag zien en dat de ronde daarna niet meer open kan.'
			};
	}
	db.transaction(() => {
		applyRoundPatch(db, r.id, t.patch);
		// The companion (parents) is shared with its team round; its own disclosure decides what shows.
		applyToCompanions(db, r.id, t.patch);
		db.update(round).set({ releaseNote: note }).where(eq(round.id, r.id)).run();
	});
	audit(db, userId, first ? 'ronde.gedeeld-met-swv' : 'ronde.toelichting-gewijzigd', {
		type: 'ronde',
		id: r.id
	});
	return { ok: true, first };
}

/** Takes back a release the school made itself; rounds the SWV opened stay shared. */
export function stopSharing(db: Db, userId: string, r: RoundRow): ShareOutcome {
	const t = transition(stateOf(db, r), { kind: 'stop-sharing' });
	if (!t.ok) return t;
	db.transaction(() => {
		applyRoundPatch(db, r.id, t.patch);
		applyToCompanions(db, r.id, t.patch);
	});
	audit(db, userId, 'ronde.delen-gestopt', { type: 'ronde', id: r.id });
	return { ok: true, first: false };
}

/** A new read-only link for the team; an earlier one stops working. */
export function makeTeamLink(db: Db, userId: string, r: RoundRow): void {
	db.update(round).set({ resultsToken: generateShareToken() }).where(eq(round.id, r.id)).run();
	audit(db, userId, 'ronde.leeslink-gemaakt', { type: 'ronde', id: r.id });
}

export function revokeTeamLink(db: Db, userId: string, r: RoundRow): void {
	db.update(round).set({ resultsToken: null }).where(eq(round.id, r.id)).run();
	audit(db, userId, 'ronde.leeslink-ingetrokken', { type: 'ronde', id: r.id });
}

/** The round behind a team's read-only link, if the link still works. */
export function roundByResultsToken(db: Db, token: string): RoundRow | undefined {
	return /^[a-z2-7]{26}$/.test(token)
		? db.select().from(round).where(eq(round.resultsToken, token)).get()
		: undefined;
}
