import { describe, expect, it } from 'vitest';
import { invitationText } from './invitation';

describe('the ready invitation text', () => {
	const facts = {
		unitName: 'OBS De Regenboog',
		link: 'https://scan.example/s/abc',
		minutes: 15,
		minRespondents: 3
	};

	it('names the link, the time it takes, the closing day in Dutch time and the anonymity promise', () => {
		// 22:59:59 UTC on 15 January is 23:59:59 in Amsterdam: still the 15th there.
		const text = invitationText({ ...facts, closesAt: new Date('2027-01-15T22:59:59Z') });
		expect(text).toContain('\nhttps://scan.example/s/abc\n');
		expect(text).toContain(
			'ongeveer 15 minuten; de scan staat open tot en met vrijdag 15 januari 2027.'
		);
		expect(text).toContain('U vult de scan anoniem in');
		expect(text).toContain("minstens 3 collega's");
		expect(text).not.toMatch(/\b(je|jij|jouw)\b/i);
	});

	it('leaves the date out when the round has none', () => {
		expect(invitationText({ ...facts, closesAt: null })).toContain('ongeveer 15 minuten.');
	});
});
