import { describe, expect, it } from 'vitest';
import {
	endOfDutchDay,
	formatDate,
	formatColumn,
	formatDateTime,
	formatFixed,
	formatList,
	formatNumber,
	formatPercent,
	isoDay,
	wrapWords,
	yearMonth
} from './format';

describe('Dutch formatting', () => {
	it('writes a moment as its day in Dutch time, whatever the machine’s time zone', () => {
		// 23:30 UTC on 13 November is already 14 November in Amsterdam (UTC+1 in winter).
		expect(formatDate('2026-11-13T23:30:00.000Z')).toBe('14 november 2026');
		expect(formatDate(new Date('2026-06-30T22:30:00Z'))).toBe('1 juli 2026');
		expect(isoDay(new Date('2026-11-13T23:30:00Z'))).toBe('2026-11-14');
		expect(yearMonth(new Date('2026-07-31T22:30:00Z'))).toEqual({ year: 2026, month: 8 });
	});

	it('keeps a calendar day the same day', () => {
		expect(formatDate('2026-11-23')).toBe('23 november 2026');
		expect(isoDay('2026-11-23')).toBe('2026-11-23');
	});

	it('has a long, a short and a weekday style, and a dash for no date', () => {
		const d = new Date('2026-11-23T10:00:00Z');
		expect(formatDate(d, 'short')).toBe('23 nov 2026');
		expect(formatDate(d, 'weekday')).toBe('maandag 23 november');
		expect(formatDate(null)).toBe('—');
		expect(formatDateTime(d)).toBe('23 nov 2026, 11:00');
	});

	it('writes numbers with a decimal comma', () => {
		expect(formatFixed(3)).toBe('3,0');
		expect(formatFixed(2.25, 2)).toBe('2,25');
		expect(formatNumber(62.5)).toBe('62,5');
		expect(formatNumber(61)).toBe('61');
		// In a column every figure has the same decimals, and a missing one is a dash.
		expect([19, 27.8, null].map((x) => formatColumn(x))).toEqual(['19,0', '27,8', '—']);
		expect(formatColumn(2.5, 2)).toBe('2,50');
		expect(formatNumber(2.345, 2)).toBe('2,35');
		expect(formatNumber(null)).toBe('—');
		expect(formatNumber(12345.6)).toBe('12.345,6');
	});

	it('writes shares as whole percentages and lists with "en"', () => {
		expect(formatPercent(0.625)).toBe('63%');
		expect(formatPercent(0)).toBe('0%');
		expect(formatPercent(null)).toBe('—');
		expect(formatList(['a'])).toBe('a');
		expect(formatList(['a', 'b', 'c'])).toBe('a, b en c');
	});

	it('ends a closing day at 23:59:59 Dutch time, in winter and in summer', () => {
		expect(endOfDutchDay('2026-12-18').toISOString()).toBe('2026-12-18T22:59:59.000Z');
		expect(endOfDutchDay('2099-06-30').toISOString()).toBe('2099-06-30T21:59:59.000Z');
		expect(formatDate(endOfDutchDay('2099-06-30'))).toBe('30 juni 2099');
		expect(Number.isNaN(endOfDutchDay('2026-02-30x').getTime())).toBe(true);
	});
});

describe('wrapWords', () => {
	it('breaks a label between words into lines of at most the width', () => {
		expect(
			wrapWords('Basisondersteuning en ondersteuningsstructuur — Functionerend', 30, 3)
		).toEqual(['Basisondersteuning en', 'ondersteuningsstructuur —', 'Functionerend']);
		expect(wrapWords('Visie en beleid — Verkennen', 30, 3)).toEqual([
			'Visie en beleid — Verkennen'
		]);
	});
	it('ends the last allowed line in an ellipsis when more would be needed', () => {
		expect(wrapWords('een twee drie vier vijf zes', 9, 2)).toEqual(['een twee', 'drie…']);
	});
});
