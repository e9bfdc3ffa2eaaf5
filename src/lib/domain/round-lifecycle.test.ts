import { describe, expect, it } from 'vitest';
import { canReopen, transition, type RoundAction, type RoundState } from './round-lifecycle';

const now = Date.UTC(2027, 0, 15, 12);
const day = 24 * 3600 * 1000;
const base: RoundState = {
	scope: 'school',
	status: 'open',
	closesAt: now + 7 * day,
	released: false,
	everReleased: false,
	openedBySwv: false,
	shownToSwv: false
};
const open = base;
const closed: RoundState = { ...base, status: 'closed' };
const pastDate: RoundState = { ...base, closesAt: now - day };
const sharedShown: RoundState = { ...closed, released: true, everReleased: true, shownToSwv: true };
const onceSharedShown: RoundState = { ...closed, everReleased: true, shownToSwv: true };
const sharedBelowMinimum: RoundState = { ...closed, released: true, everReleased: true };
const swvOpened: RoundState = { ...closed, released: true, everReleased: true, openedBySwv: true };
const swvScan: RoundState = { ...closed, scope: 'swv' };

const allowed = (s: RoundState, a: RoundAction) => transition(s, a).ok;
const status = (s: RoundState, a: RoundAction) => {
	const t = transition(s, a);
	return t.ok ? 'ok' : t.status;
};

describe('the round lifecycle', () => {
	it('closes an open round, and only once', () => {
		expect(transition(open, { kind: 'close', now })).toEqual({
			ok: true,
			patch: { status: 'closed', closedAt: now }
		});
		// A round that ended by its date keeps that date as its end.
		expect(transition(pastDate, { kind: 'close', now })).toEqual({
			ok: true,
			patch: { status: 'closed', closedAt: pastDate.closesAt }
		});
		expect(status(closed, { kind: 'close', now })).toBe(409);
	});

	it('reopens a finished round unless the SWV saw its figures', () => {
		expect(status(open, { kind: 'reopen', now })).toBe(409);
		expect(transition(closed, { kind: 'reopen', now })).toEqual({
			ok: true,
			patch: { status: 'open', closedAt: null, closesAt: closed.closesAt }
		});
		// A round that ended by its date reopens without a date (it would close again at once).
		expect(transition(pastDate, { kind: 'reopen', now })).toMatchObject({
			ok: true,
			patch: { closesAt: null }
		});
		expect(status(sharedShown, { kind: 'reopen', now })).toBe(409);
		// Stopping to share does not undo what the SWV saw.
		expect(status(onceSharedShown, { kind: 'reopen', now })).toBe(409);
		expect(allowed(sharedBelowMinimum, { kind: 'reopen', now })).toBe(true);
		expect(canReopen(sharedShown, now)).toBe(false);
		expect(canReopen(open, now)).toBe(false);
	});

	it('extends an open round or one past its date, never a closed one or into the past', () => {
		const later = now + 30 * day;
		expect(transition(open, { kind: 'extend', now, closesAt: later })).toEqual({
			ok: true,
			patch: { closesAt: later }
		});
		expect(allowed(pastDate, { kind: 'extend', now, closesAt: later })).toBe(true);
		expect(status(closed, { kind: 'extend', now, closesAt: later })).toBe(409);
		expect(status(open, { kind: 'extend', now, closesAt: now - day })).toBe(400);
		expect(
			status(
				{ ...pastDate, released: true, everReleased: true, shownToSwv: true },
				{
					kind: 'extend',
					now,
					closesAt: later
				}
			)
		).toBe(409);
	});

	it('makes a new answer link in any state', () => {
		for (const s of [open, closed, pastDate, sharedShown, swvScan])
			expect(transition(s, { kind: 'new-link' })).toEqual({
				ok: true,
				patch: { newShareToken: true }
			});
	});

	it('shares school rounds only, keeping the first sharing date', () => {
		expect(transition(closed, { kind: 'share', now })).toEqual({
			ok: true,
			patch: { releasedAt: now, everReleased: true }
		});
		expect(transition(sharedShown, { kind: 'share', now })).toEqual({
			ok: true,
			patch: { releasedAt: undefined, everReleased: true }
		});
		expect(status(swvScan, { kind: 'share', now })).toBe(400);
	});

	it('stops sharing what the school shared, not what the SWV opened', () => {
		expect(transition(sharedShown, { kind: 'stop-sharing' })).toEqual({
			ok: true,
			patch: { releasedAt: null }
		});
		expect(status(closed, { kind: 'stop-sharing' })).toBe(409);
		expect(status(swvOpened, { kind: 'stop-sharing' })).toBe(409);
		expect(status(swvScan, { kind: 'stop-sharing' })).toBe(409);
	});

	it('shows results only of a finished round', () => {
		expect(status(open, { kind: 'show-results', now })).toBe(409);
		expect(allowed(closed, { kind: 'show-results', now })).toBe(true);
		expect(allowed(pastDate, { kind: 'show-results', now })).toBe(true);
	});
});
