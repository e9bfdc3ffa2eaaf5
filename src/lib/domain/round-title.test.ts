import { describe, expect, it } from 'vitest';
import { defaultRoundTitle } from './round-title';

describe('the proposed title of a new round', () => {
	const march = new Date('2027-03-10T12:00:00Z');
	const october = new Date('2027-10-01T12:00:00Z');

	it('names the season and year by the Dutch calendar', () => {
		expect(defaultRoundTitle(march)).toBe('Scan voorjaar 2027');
		expect(defaultRoundTitle(october)).toBe('Scan najaar 2027');
		// 31 July 23:30 UTC is already 1 August in the Netherlands.
		expect(defaultRoundTitle(new Date('2027-07-31T23:30:00Z'))).toBe('Scan najaar 2027');
		expect(defaultRoundTitle(new Date('2026-12-31T23:30:00Z'))).toBe('Scan voorjaar 2027');
	});

	it('does not propose the title of a round that exists', () => {
		expect(defaultRoundTitle(march, ['Scan najaar 2026'])).toBe('Scan voorjaar 2027');
		expect(defaultRoundTitle(march, ['Scan voorjaar 2027'])).toBe('Scan voorjaar 2027 (2)');
		expect(defaultRoundTitle(march, [' scan VOORJAAR 2027 ', 'Scan voorjaar 2027 (2)'])).toBe(
			'Scan voorjaar 2027 (3)'
		);
	});
});
