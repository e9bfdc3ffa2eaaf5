import { describe, expect, it } from 'vitest';
import { endOfDutchDay } from './format';
import {
	closingReminderAt,
	dueReminders,
	reminderMail,
	reminderRefusal,
	responseRate,
	responseRateSentence,
	responseRateShort,
	type ReminderCandidate
} from './reminders';

const at = (iso: string) => Date.parse(iso);

function candidate(over: Partial<ReminderCandidate> = {}): ReminderCandidate {
	return {
		id: 1,
		kind: 'closing',
		daysBefore: 3,
		claimed: false,
		recipientAllowed: true,
		round: {
			status: 'open',
			closesAt: endOfDutchDay('2026-12-18').getTime(),
			submitted: 0,
			minRespondents: 5
		},
		...over
	};
}

describe('when a reminder is due', () => {
	it('a closing reminder: 08:00 Dutch time, N calendar days before the closing day (winter time)', () => {
		const closes = endOfDutchDay('2026-12-18').getTime();
		expect(new Date(closingReminderAt(closes, 3)).toISOString()).toBe('2026-12-15T07:00:00.000Z');
		const c = candidate();
		expect(dueReminders([c], at('2026-12-15T06:59:59Z'))).toEqual([]);
		expect(dueReminders([c], at('2026-12-15T07:00:00Z'))).toEqual([1]);
		// Still due later on (the scheduler was down at 8.00): it goes out at the next run.
		expect(dueReminders([c], at('2026-12-18T22:00:00Z'))).toEqual([1]);
	});

	it('counts days on the Dutch calendar across the switch to summer time', () => {
		// 28 March 2027 is the night the clocks go forward; the round closes on 31 March.
		const closes = endOfDutchDay('2027-03-31').getTime();
		expect(new Date(closes).toISOString()).toBe('2027-03-31T21:59:59.000Z');
		expect(new Date(closingReminderAt(closes, 3)).toISOString()).toBe('2027-03-28T06:00:00.000Z');
		expect(new Date(closingReminderAt(closes, 4)).toISOString()).toBe('2027-03-27T07:00:00.000Z');
		// 1 day before a round that closes on 1 November (winter time since 31 October).
		const november = endOfDutchDay('2026-11-01').getTime();
		expect(new Date(closingReminderAt(november, 1)).toISOString()).toBe('2026-10-31T07:00:00.000Z');
	});

	it('a round closing just after midnight UTC still closes on its Dutch day', () => {
		// 18 December 23:59:59 Dutch time is 22:59:59 UTC: the reminder day is 17 December.
		const c = candidate({ daysBefore: 1 });
		expect(dueReminders([c], at('2026-12-17T06:59:00Z'))).toEqual([]);
		expect(dueReminders([c], at('2026-12-17T07:00:00Z'))).toEqual([1]);
	});

	it('a closed round sends no closing reminder, nor a round past its date', () => {
		const closed = candidate({ round: { ...candidate().round, status: 'closed' } });
		expect(dueReminders([closed], at('2026-12-16T12:00:00Z'))).toEqual([]);
		expect(dueReminders([candidate()], at('2026-12-18T23:00:00Z'))).toEqual([]);
		const noDate = candidate({ round: { ...candidate().round, closesAt: null } });
		expect(dueReminders([noDate], at('2026-12-16T12:00:00Z'))).toEqual([]);
	});

	it('never twice, and never to someone who no longer coordinates the round', () => {
		const now = at('2026-12-16T12:00:00Z');
		expect(dueReminders([candidate({ claimed: true })], now)).toEqual([]);
		expect(dueReminders([candidate({ recipientAllowed: false })], now)).toEqual([]);
	});

	it('a minimum reminder once the minimum of sent responses is reached, open or not', () => {
		const min = (submitted: number, status: 'open' | 'closed' = 'open') =>
			candidate({
				id: 2,
				kind: 'minimum',
				daysBefore: null,
				round: { ...candidate().round, submitted, status }
			});
		const now = at('2026-12-01T12:00:00Z');
		expect(dueReminders([min(4)], now)).toEqual([]);
		expect(dueReminders([min(5)], now)).toEqual([2]);
		expect(dueReminders([min(6, 'closed')], now)).toEqual([2]);
		expect(dueReminders([min(4), candidate(), min(5)], at('2026-12-15T08:00:00Z'))).toEqual([1, 2]);
	});
});

describe('asking for a reminder', () => {
	const round = candidate().round;
	it('refuses what can never be sent, in Dutch', () => {
		const now = at('2026-12-01T12:00:00Z');
		expect(reminderRefusal('closing', 3, round, now)).toBeNull();
		expect(reminderRefusal('closing', 3, { ...round, closesAt: null }, now)?.message).toBe(
			'Deze ronde heeft geen sluitingsdatum. Stel eerst een sluitingsdatum in.'
		);
		expect(reminderRefusal('closing', 3, { ...round, status: 'closed' }, now)?.status).toBe(409);
		// On 16 December at noon, "3 days before the 18th" (15 December) has passed.
		expect(reminderRefusal('closing', 3, round, at('2026-12-16T12:00:00Z'))).toEqual({
			status: 400,
			field: 'daysBefore',
			message: 'De ronde sluit al binnen 3 dagen. Kies een kleiner aantal dagen.'
		});
		expect(reminderRefusal('closing', 1, round, at('2026-12-16T12:00:00Z'))).toBeNull();
		expect(reminderRefusal('minimum', null, { ...round, submitted: 4 }, now)).toBeNull();
		expect(reminderRefusal('minimum', null, { ...round, submitted: 5 }, now)?.message).toBe(
			'Het minimum van 5 verstuurde vragenlijsten is al bereikt.'
		);
	});
});

describe('the response rate', () => {
	it('is the share of sent responses among those invited', () => {
		expect(responseRate(12, null)).toBeNull();
		expect(responseRateSentence(responseRate(12, 20)!)).toBe(
			'12 van 20 uitgenodigden hebben hun antwoorden verstuurd (60%)'
		);
		expect(responseRateSentence(responseRate(1, 3)!)).toBe(
			'1 van 3 uitgenodigden heeft de antwoorden verstuurd (33%)'
		);
		expect(responseRateShort(responseRate(0, 20)!)).toBe('0 van 20 (0%)');
	});

	it('says so plainly when more were sent than invited (never 120%)', () => {
		const over = responseRate(24, 20)!;
		expect(over.kind).toBe('over');
		expect(responseRateSentence(over)).toBe(
			'Er zijn 24 vragenlijsten verstuurd: meer dan de 20 uitgenodigden die u opgaf. Klopt het aantal uitgenodigden nog?'
		);
		expect(responseRateShort(over)).toBe('24 (meer dan de 20 uitgenodigden)');
		expect(responseRateSentence(over)).not.toMatch(/%/);
	});
});

describe('the reminder mail', () => {
	const facts = {
		name: 'Iris',
		roundTitle: 'Scan voorjaar 2027',
		unitName: 'OBS De Regenboog',
		closesAt: endOfDutchDay('2026-12-18').getTime(),
		submitted: 12,
		minRespondents: 5,
		teamSize: 20,
		link: 'https://scan.example/rondes/7'
	};

	it('before closing: the Dutch date, the total sent and the rate, in "u"', () => {
		const m = reminderMail({ ...facts, kind: 'closing' }, at('2026-12-15T07:00:00Z'));
		expect(m.subject).toBe('Herinnering: de ronde “Scan voorjaar 2027” sluit over 3 dagen');
		expect(m.text).toContain('sluit over 3 dagen, op vrijdag 18 december.');
		expect(m.text).toContain(
			'Tot nu toe zijn 12 vragenlijsten verstuurd, door 12 van de 20 uitgenodigden (60%).'
		);
		expect(m.text).toContain('https://scan.example/rondes/7');
		expect(m.text).not.toMatch(/\bje\b|\bjij\b|\bjouw\b/i);
		const tomorrow = reminderMail({ ...facts, kind: 'closing' }, at('2026-12-17T07:00:00Z'));
		expect(tomorrow.subject).toContain('sluit morgen');
	});

	it('at the minimum: the total only, and when results appear', () => {
		const m = reminderMail(
			{ ...facts, kind: 'minimum', submitted: 5, teamSize: null, link: null },
			0
		);
		expect(m.subject).toBe('De ronde “Scan voorjaar 2027” heeft het minimum bereikt');
		expect(m.text).toContain(
			'In de ronde “Scan voorjaar 2027” van “OBS De Regenboog” zijn 5 vragenlijsten verstuurd: het minimum van 5 is bereikt.'
		);
		expect(m.text).toContain('(uiterlijk 18 december 2026)');
		expect(m.text).not.toContain('http');
	});
});
