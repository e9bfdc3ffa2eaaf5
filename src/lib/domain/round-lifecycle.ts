/**
 * A round's lifecycle as one rule set: which actions a round allows in which state, what they
 * change, and the Dutch reason when they are refused. Routes ask `transition` and apply the
 * patch; nothing else decides.
 *
 * - open → closed by closing, or by its closing date passing ("finished" covers both);
 * - a finished round can be reopened or extended, unless its results were shared with the SWV
 *   and showed figures there (more answers would let the SWV set two versions side by side);
 * - a new answer link can be made at any time; sharing is for school rounds; a school stops
 *   sharing only what it shared itself (a round the SWV opened stays shared);
 * - results show only for a finished round (the disclosure model decides which figures).
 */

export interface RoundState {
	scope: 'school' | 'swv';
	status: 'open' | 'closed';
	closesAt: number | null;
	/** Shared with the SWV now. */
	released: boolean;
	/** Ever shared with the SWV. */
	everReleased: boolean;
	openedBySwv: boolean;
	/** The SWV saw figures of this round (a shared round whose result showed scores). */
	shownToSwv: boolean;
}

export type RoundAction =
	| { kind: 'close'; now: number }
	| { kind: 'reopen'; now: number }
	| { kind: 'extend'; now: number; closesAt: number }
	| { kind: 'new-link' }
	| { kind: 'share'; now: number }
	| { kind: 'stop-sharing' }
	| { kind: 'show-results'; now: number };

export interface RoundPatch {
	status?: 'open' | 'closed';
	closedAt?: number | null;
	closesAt?: number | null;
	releasedAt?: number | null;
	everReleased?: boolean;
	newShareToken?: boolean;
}

export type Transition =
	{ ok: true; patch: RoundPatch } | { ok: false; status: 400 | 409; message: string };

export const NOT_REOPENABLE =
	'Deze ronde kan niet meer worden heropend of verlengd: de uitkomsten zijn gedeeld met het samenwerkingsverband. Open zo nodig een nieuwe ronde.';

export function isOpen(s: Pick<RoundState, 'status' | 'closesAt'>, now: number): boolean {
	return s.status === 'open' && (s.closesAt === null || s.closesAt > now);
}

/** Whether a finished round may take answers again. */
export function canReopen(s: RoundState, now: number): boolean {
	if (isOpen(s, now)) return false;
	return !((s.released || s.everReleased) && s.shownToSwv);
}

const refuse = (status: 400 | 409, message: string): Transition => ({ ok: false, status, message });

export function transition(s: RoundState, a: RoundAction): Transition {
	switch (a.kind) {
		case 'close':
			if (s.status === 'closed') return refuse(409, 'Deze ronde is al gesloten.');
			// A round past its closing date ended on that date; closing it does not move that.
			return {
				ok: true,
				patch: {
					status: 'closed',
					closedAt: s.closesAt !== null && s.closesAt <= a.now ? s.closesAt : a.now
				}
			};
		case 'reopen':
			if (isOpen(s, a.now)) return refuse(409, 'Deze ronde is al open.');
			if (!canReopen(s, a.now)) return refuse(409, NOT_REOPENABLE);
			return {
				ok: true,
				patch: {
					status: 'open',
					closedAt: null,
					closesAt: s.closesAt !== null && s.closesAt <= a.now ? null : s.closesAt
				}
			};
		case 'extend':
			if (s.status === 'closed') return refuse(409, 'Heropen de ronde eerst.');
			if (a.closesAt <= a.now) return refuse(400, 'De nieuwe datum moet in de toekomst liggen.');
			if (!isOpen(s, a.now) && !canReopen(s, a.now)) return refuse(409, NOT_REOPENABLE);
			return { ok: true, patch: { closesAt: a.closesAt } };
		case 'new-link':
			return { ok: true, patch: { newShareToken: true } };
		case 'share':
			if (s.scope !== 'school')
				return refuse(
					400,
					'Dit is de eigen scan van het samenwerkingsverband; die wordt niet gedeeld.'
				);
			return {
				ok: true,
				patch: { releasedAt: s.released ? undefined : a.now, everReleased: true }
			};
		case 'stop-sharing':
			if (s.scope !== 'school' || !s.released)
				return refuse(409, 'Deze uitkomsten zijn niet gedeeld.');
			if (s.openedBySwv)
				return refuse(
					409,
					'Deze ronde is door het samenwerkingsverband geopend; de uitkomsten blijven gedeeld.'
				);
			return { ok: true, patch: { releasedAt: null } };
		case 'show-results':
			if (isOpen(s, a.now))
				return refuse(409, 'De ronde loopt nog: uitkomsten verschijnen als de ronde gesloten is.');
			return { ok: true, patch: {} };
	}
}
