import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	companionInvitation,
	companionMinimum,
	companionPrivacy,
	companionReport,
	companionsOf,
	respondentWords
} from './companion';
import { questionnaireSchema, type Questionnaire } from './questionnaire/schema';
import { checkQuestionnaireFile } from './questionnaire/check';
import { scoreRound, tallyRespondents, type RoundScore } from './scoring';

/**
 * A parents' round beside a team round, on a small fixture (tests/fixtures/companion): worked
 * examples of its scoring, and what its own disclosure lets the side-by-side view show.
 */
const read = (p: string) =>
	questionnaireSchema.parse(JSON.parse(readFileSync(p, 'utf8'))) as Questionnaire;
const team = read('questionnaires/school-scan/v1.json');
const parents = read('tests/fixtures/companion/ouder-test/v1.json');

function score(q: Questionnaire, answers: Record<string, number>[], min: number): RoundScore {
	const rows = answers.map((a, i) => ({ id: i + 1, group: null, answers: a }));
	return scoreRound(q, 'po', tallyRespondents(q, 'po', rows), min);
}

/** Five parents: worked out by hand below. */
const fiveParents = [
	{ 'ot-luistert': 4, 'ot-aanspreekpunt': 4, 'ot-hulp': 3, 'ot-op-de-hoogte': 2 },
	{ 'ot-luistert': 4, 'ot-aanspreekpunt': 3, 'ot-hulp': 3, 'ot-op-de-hoogte': 2 },
	{ 'ot-luistert': 3, 'ot-aanspreekpunt': 3, 'ot-hulp': 2, 'ot-op-de-hoogte': 1 },
	{ 'ot-luistert': 3, 'ot-aanspreekpunt': 2, 'ot-hulp': 2, 'ot-op-de-hoogte': 1 },
	{ 'ot-luistert': 2, 'ot-aanspreekpunt': 0, 'ot-hulp': 1, 'ot-op-de-hoogte': 1 }
];

describe('the parents questionnaire fixture', () => {
	it('passes the checker and names the team questionnaire it goes beside', () => {
		const path = 'tests/fixtures/companion/ouder-test/v1.json';
		expect(checkQuestionnaireFile({ path, text: readFileSync(path, 'utf8') }).problems).toEqual([]);
		expect(companionsOf([team, parents], 'school-scan').map((q) => q.id)).toEqual(['ouder-test']);
		expect(companionsOf([team, parents], 'swv-scan')).toEqual([]);
		expect(companionMinimum(parents.companion!)).toBe(5);
		expect(companionMinimum({ ...parents.companion!, minRespondents: 3 })).toBe(5);
	});
});

describe('scoring a parent round (worked examples)', () => {
	it('scores each theme from the parents’ answers like the team’s', () => {
		const s = score(parents, fiveParents, 5);
		expect(s.disclosure).toBe('full');
		const theme = (id: string) => s.themes.find((t) => t.themeId === id)!;
		// ot-luistert: 4,4,3,3,2 → 100,100,66⅔,66⅔,33⅓ → 73⅓;
		// ot-aanspreekpunt: 4,3,3,2 and one "weet ik niet": four scored answers, below the
		// parents' minimum of 5, so the statement is hidden and does not count towards its theme;
		// theme = 73⅓ → 73 (with it, it would have been (73⅓ + 66⅔) / 2 = 70).
		expect(theme('positie-ouders').score).toBe(73);
		expect(theme('positie-ouders').level?.id).toBe('functioneren');
		const hidden = theme('positie-ouders').items.find((i) => i.itemId === 'ot-aanspreekpunt');
		expect(hidden?.mean ?? null).toBeNull();
		// At a minimum of 3 the statement shows and counts: 70.
		expect(
			score(parents, fiveParents, 3).themes.find((t) => t.themeId === 'positie-ouders')!.score
		).toBe(70);
		// ot-hulp: 3,3,2,2,1 → 66⅔,66⅔,33⅓,33⅓,0 → 40.
		expect(theme('ondersteuningsstructuur').score).toBe(40);
		// ot-op-de-hoogte: 2,2,1,1,1 → 33⅓,33⅓,0,0,0 → 13⅓ → 13.
		expect(theme('contact-thuis').score).toBe(13);
		// The hidden statement's "weet ik niet" is hidden with it: the shown one has none.
		expect(theme('positie-ouders').dontKnowShare).toBe(0);
	});

	it('shows nothing below the parents’ own minimum', () => {
		const s = score(parents, fiveParents.slice(0, 4), 5);
		expect(s.disclosure).toBe('hidden');
		expect(s.themes).toEqual([]);
		expect(s.needed).toBe(1);
	});
});

describe('the side-by-side view', () => {
	const teamAnswers = (v: number) =>
		Object.fromEntries(team.themes.flatMap((t) => t.items.map((i) => [i.id, v])));
	const teamScore = score(team, [teamAnswers(3), teamAnswers(3), teamAnswers(4)], 3);

	it('puts the parents’ score beside the team’s on the themes both have, in the team’s order', () => {
		const shown = score(parents, fiveParents, 5);
		const r = companionReport(team, teamScore, {
			questionnaire: parents,
			result: { state: 'shown', score: shown },
			comments: { 'contact-thuis': ['Graag vaker bericht.'] }
		});
		expect(r.shown).toBe(true);
		// Team: 3,3,4 → 66⅔,66⅔,100 → 77⅞ → 78 on every theme.
		// Team: 3,3,4 → 66⅔,66⅔,100 → 77⅞ → 78 on every theme; in the team's theme order.
		expect(r.sideBySide!.mapped.map((m) => [m.themeId, m.team, m.companion])).toEqual([
			['ondersteuningsstructuur', 78, 40],
			['positie-ouders', 78, 73]
		]);
		expect(r.sideBySide!.own).toEqual([
			{ themeId: 'contact-thuis', title: 'Contact met thuis', score: 13 }
		]);
		expect(r.themes.map((t) => t.themeId)).toEqual([
			'positie-ouders',
			'ondersteuningsstructuur',
			'contact-thuis'
		]);
		expect(r.comments).toEqual({ 'contact-thuis': ['Graag vaker bericht.'] });
	});

	it('below the parents’ minimum: nothing about parents but how many sent', () => {
		const hidden = score(parents, fiveParents.slice(0, 4), 5);
		const r = companionReport(team, teamScore, {
			questionnaire: parents,
			result: { state: 'too-few', score: hidden },
			comments: { 'contact-thuis': ['Mag niet te zien zijn.'] }
		});
		expect(r).toMatchObject({ shown: false, sideBySide: null, themes: [], comments: {} });
		expect(r.respondents).toBe(4);
		expect(JSON.stringify(r)).not.toMatch(/luistert|Mag niet|ot-/);
	});

	it('an open round shows no parents’ results, however many sent', () => {
		const open = score(parents, fiveParents, 5);
		const r = companionReport(team, teamScore, {
			questionnaire: parents,
			result: { state: 'open', score: { ...open, disclosure: 'hidden', themes: [] } },
			comments: {}
		});
		expect(r).toMatchObject({ shown: false, sideBySide: null, themes: [] });
	});

	it('team hidden but parents shown: the parents’ column alone', () => {
		const hiddenTeam = score(team, [teamAnswers(3), teamAnswers(3)], 3);
		expect(hiddenTeam.disclosure).toBe('hidden');
		const r = companionReport(team, hiddenTeam, {
			questionnaire: parents,
			result: { state: 'shown', score: score(parents, fiveParents, 5) },
			comments: {}
		});
		expect(r.sideBySide!.mapped.map((m) => [m.team, m.companion])).toEqual([
			[null, 40],
			[null, 73]
		]);
	});
});

describe('respondent words and the ready invitation', () => {
	it('parents read about their child, the team about its functions', () => {
		expect(respondentWords(parents).groupQuestion).toMatch(/uw kind/);
		const real = read('questionnaires/ouder-scan/v1.json');
		expect(respondentWords(real).groupQuestion).toBe(
			'Krijgt uw kind extra hulp op school? (optioneel)'
		);
		expect(respondentWords(team).groupQuestion).toMatch(/functie/);
		expect(respondentWords(parents).thanks).not.toMatch(/collega/);
	});

	it('fills in the link, school, minutes and closing date', () => {
		const text = companionInvitation(parents.companion!.invitation, {
			link: 'https://x/s/abc',
			school: 'De Regenboog',
			minutes: 5,
			closesAt: new Date('2026-12-18T22:59:59Z')
		});
		expect(text).toContain('https://x/s/abc');
		expect(text).toContain(
			'Wat vindt u van De Regenboog? Het kost 5 minuten; invullen kan tot en met vrijdag 18 december 2026.'
		);
		expect(text).not.toMatch(/\{/);
		const without = companionInvitation(parents.companion!.invitation, {
			link: 'https://x/s/abc',
			school: 'De Regenboog',
			minutes: 5,
			closesAt: null
		});
		expect(without).toContain('Het kost 5 minuten.');
	});

	it('fills in the round’s minimum in the privacy text, never below 5', () => {
		expect(companionPrivacy(parents.companion!, 8)).toEqual([
			'We vragen geen naam.',
			'De school ziet uitkomsten pas vanaf 8 ouders.'
		]);
		expect(companionPrivacy(parents.companion!, 3)[1]).toContain('vanaf 5 ouders');
	});
});
