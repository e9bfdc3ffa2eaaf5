import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareThemes, itemIdMapping } from './compare';
import { questionnaireSchema } from './questionnaire/schema';
import type { ThemeScore } from './scoring';

const read = (v: number) =>
	questionnaireSchema.parse(
		JSON.parse(readFileSync(`tests/fixtures/valid/mini/v${v}.json`, 'utf8'))
	);
const v1 = read(1);
const v2 = read(2);
const theme = (themeId: string, score: number | null) =>
	({ themeId, title: themeId, score }) as ThemeScore;

describe('comparing rounds across versions', () => {
	it('maps a renamed item of v1 onto its v2 id, and keeps the others', () => {
		const map = itemIdMapping([v1, v2], v2, 1);
		expect(map.get('visie-zichtbaar')).toBe('visie-in-praktijk');
		expect(map.get('visie-gedeeld')).toBe('visie-gedeeld');
		expect(itemIdMapping([v1, v2], v1, 1).size).toBe(0);
	});

	it('gives change against the previous round, and benchmarks only from five schools', () => {
		const levels = v1.levels;
		const five = [10, 20, 30, 40, 50].map((s) => ({ visie: s, ondersteuning: s }));
		const four = five.slice(0, 4);
		const [visie, ondersteuning] = compareThemes(
			[theme('visie', 60), theme('ondersteuning', null)],
			[theme('visie', 45), theme('ondersteuning', 30)],
			five,
			four,
			levels
		);
		expect(visie).toMatchObject({ score: 60, previous: 45, change: 15, sameType: null });
		expect(visie!.swv).toMatchObject({ n: 5, median: 30, q1: 20, q3: 40 });
		expect(ondersteuning).toMatchObject({ score: null, previous: 30, change: null });
	});
});
