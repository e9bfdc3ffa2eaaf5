import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionnaireSchema, type Questionnaire } from './questionnaire/schema';
import {
	checkAnswer,
	checkComment,
	formatResumeCode,
	normalizeResumeCode,
	respondentView
} from './respondent';

const mini = questionnaireSchema.parse(
	JSON.parse(readFileSync('tests/fixtures/valid/mini/v1.json', 'utf8'))
);
// visie-zichtbaar shows only when visie-gedeeld is 3 or 4.
const q: Questionnaire = structuredClone(mini);
q.themes[0]!.items[1]!.visibleIf = { item: 'visie-gedeeld', in: [3, 4] };
q.themes[0]!.comment = { label: 'Toelichting' };

describe('what a respondent sees', () => {
	it('shows only the statements for the school type, and counts progress over visible ones', () => {
		const po = respondentView(q, 'po', {});
		expect(po.themes.map((t) => t.items.map((i) => [i.id, i.visible]))).toEqual([
			[
				['visie-gedeeld', true],
				['visie-zichtbaar', false]
			],
			[['os-rollen', true]]
		]);
		expect([po.answered, po.total]).toEqual([0, 2]);
		const after = respondentView(q, 'so', { 'visie-gedeeld': 4, 'os-aanbod-so': 0 });
		expect(after.themes.map((t) => [t.answered, t.total])).toEqual([
			[1, 2],
			[1, 2]
		]);
	});
});

describe('checking a save against the pinned version', () => {
	it('refuses what does not exist, does not apply, is off the scale or is hidden', () => {
		expect(checkAnswer(q, 'po', {}, 'bestaat-niet', 3)).toEqual({
			ok: false,
			message: 'Deze stelling bestaat niet in deze vragenlijst.'
		});
		expect(checkAnswer(q, 'po', {}, 'os-aanbod-so', 3)).toEqual({
			ok: false,
			message: 'Deze stelling geldt niet voor dit type school.'
		});
		expect(checkAnswer(q, 'po', {}, 'visie-gedeeld', 5)).toEqual({
			ok: false,
			message: 'Dit antwoord staat niet op de schaal van deze stelling.'
		});
		expect(checkAnswer(q, 'po', { 'visie-gedeeld': 1 }, 'visie-zichtbaar', 3)).toEqual({
			ok: false,
			message: 'Deze stelling is door een eerder antwoord niet van toepassing.'
		});
		expect(checkAnswer(q, 'po', {}, 'visie-gedeeld', 0)).toEqual({ ok: true, hidden: [] });
	});

	it('says which stored answers an answer hides', () => {
		const answers = { 'visie-gedeeld': 4, 'visie-zichtbaar': 2 };
		expect(checkAnswer(q, 'po', answers, 'visie-gedeeld', 2)).toEqual({
			ok: true,
			hidden: ['visie-zichtbaar']
		});
		expect(checkAnswer(q, 'po', answers, 'visie-gedeeld', 3)).toEqual({ ok: true, hidden: [] });
	});

	it('checks comments: only where the theme asks, at most 2000 characters', () => {
		expect(checkComment(q, 'po', 'visie', 'x'.repeat(2000))).toEqual({ ok: true });
		expect(checkComment(q, 'po', 'visie', 'x'.repeat(2001))).toEqual({
			ok: false,
			message: 'Een toelichting is hoogstens 2000 tekens.'
		});
		expect(checkComment(q, 'po', 'ondersteuning', 'x')).toEqual({
			ok: false,
			message: 'Bij dit thema hoort geen toelichting.'
		});
	});
});

describe('resume codes', () => {
	it('are typed forgivingly and shown in two groups of four', () => {
		expect(formatResumeCode('K7P29XQM')).toBe('K7P2-9XQM');
		expect(normalizeResumeCode(' k7p2-9xqm ')).toBe('K7P29XQM');
		expect(normalizeResumeCode('K7P2 9XQM')).toBe('K7P29XQM');
		// 0, O, 1 and I are never in a code: a typo, not a different code.
		expect(normalizeResumeCode('K7P2-9XQ0')).toBeNull();
		expect(normalizeResumeCode('K7P2-9XQ')).toBeNull();
	});
});
