import { describe, expect, it } from 'vitest';
import type { Level } from '../questionnaire/schema';
import { changeSinceLastYear } from './board-report';

const levels: Level[] = [
	{ id: 'laag', name: 'Laag', from: 0, to: 50, verdict: 'risico', description: '' },
	{ id: 'hoog', name: 'Hoog', from: 50, to: 100, verdict: 'gaat-goed', description: '' }
];
const at = (iso: string) => new Date(iso);

describe('changeSinceLastYear', () => {
	it('compares each school with itself: its latest round of last school year and of this one', () => {
		const c = changeSinceLastYear(
			['a'],
			levels,
			[
				// School 1: last year low (its later round of that year counts), now high: up.
				{ schoolId: 1, date: at('2025-10-01'), themes: { a: 70 } },
				{ schoolId: 1, date: at('2026-03-01'), themes: { a: 30 } },
				{ schoolId: 1, date: at('2026-10-01'), themes: { a: 60 } },
				// School 2: high both years (a different score, the same level): same.
				{ schoolId: 2, date: at('2026-02-01'), themes: { a: 90 } },
				{ schoolId: 2, date: at('2026-11-01'), themes: { a: 55 } },
				// School 3: down.
				{ schoolId: 3, date: at('2026-05-01'), themes: { a: 80 } },
				{ schoolId: 3, date: at('2026-09-01'), themes: { a: 10 } },
				// School 4: only this year; school 5: no score on the theme: not compared.
				{ schoolId: 4, date: at('2026-10-01'), themes: { a: 20 } },
				{ schoolId: 5, date: at('2026-01-01'), themes: { a: null } },
				{ schoolId: 5, date: at('2026-10-01'), themes: { a: 40 } }
			],
			at('2026-12-01T12:00:00Z')
		);
		expect(c.year).toBe('2026-2027');
		expect(c.previousYear).toBe('2025-2026');
		expect(c.themes.a).toEqual({ compared: 3, up: 1, same: 1, down: 1 });
	});
});
