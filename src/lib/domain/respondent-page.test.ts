import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionnaireSchema, type Questionnaire } from './questionnaire/schema';
import type { Answers } from './questionnaire/model';
import { nextStep, respondentView } from './respondent';
import { visibleOnPage } from './respondent-page';

const mini = questionnaireSchema.parse(
	JSON.parse(readFileSync('tests/fixtures/valid/mini/v1.json', 'utf8'))
);
// A chain within the first theme and one across themes: visie-zichtbaar shows when
// visie-gedeeld is 3 or 4; os-rollen (second theme) shows when visie-zichtbaar is 4.
const q: Questionnaire = structuredClone(mini);
q.themes[0]!.items[1]!.visibleIf = { item: 'visie-gedeeld', in: [3, 4] };
q.themes[1]!.items[0]!.visibleIf = { item: 'visie-zichtbaar', in: [4] };

const values = [undefined, 0, 1, 2, 3, 4];
const ids = q.themes.flatMap((t) => t.items.map((i) => i.id));
/** Every combination of answers (or none) on every statement. */
function* everyAnswers(): Generator<Answers> {
	const at = (k: number): Answers[] =>
		k === ids.length
			? [{}]
			: at(k + 1).flatMap((rest) =>
					values.map((v) => (v === undefined ? rest : { ...rest, [ids[k]!]: v }))
				);
	yield* at(0);
}

describe('the statements a theme page shows while the respondent answers', () => {
	it('are the ones the server would show after those answers, for every combination', () => {
		const all = [...everyAnswers()];
		let compared = 0;
		for (const before of all) {
			const served = respondentView(q, 'so', before);
			for (const theme of served.themes) {
				const here = new Set(theme.items.map((i) => i.id));
				// Answers change on this page only; the rest stays as served.
				for (const onPage of all.filter((a) => Object.keys(a).every((id) => here.has(id)))) {
					const rest = Object.fromEntries(Object.entries(before).filter(([id]) => !here.has(id)));
					const now = { ...rest, ...onPage };
					const server = respondentView(q, 'so', now).themes[theme.number - 1]!;
					expect(visibleOnPage(theme.items, now)).toEqual(
						new Set(server.items.filter((i) => i.visible).map((i) => i.id))
					);
					compared++;
				}
			}
		}
		expect(compared).toBeGreaterThan(1000);
	});
});

describe('where a respondent continues', () => {
	it('is the first theme with an open statement, then the review', () => {
		expect(nextStep(respondentView(q, 'so', {}))).toEqual({ theme: 1 });
		expect(nextStep(respondentView(q, 'so', { 'visie-gedeeld': 1 }))).toEqual({ theme: 2 });
		expect(nextStep(respondentView(q, 'so', { 'visie-gedeeld': 1, 'os-aanbod-so': 2 }))).toBe(
			'review'
		);
	});
});
