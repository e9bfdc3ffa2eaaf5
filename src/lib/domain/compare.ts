import { summarize, benchmarkAllowed, type SpreadSummary } from './aggregate';

/** Other schools on a theme: how many, their median and quartiles. */
export type BenchmarkSpread = Pick<SpreadSummary, 'n' | 'median' | 'q1' | 'q3'>;
import type { Level, Questionnaire } from './questionnaire/schema';
import type { ThemeScore } from './scoring';

/**
 * Where a round stands against the school's previous round and against other schools. Theme ids
 * are stable across versions; item ids may be renamed, and `supersedes` says how.
 */

/** Old item id → current item id, following the `supersedes` chain back to `fromVersion`. */
export function itemIdMapping(
	versions: readonly Questionnaire[],
	current: Questionnaire,
	fromVersion: number
): Map<string, string> {
	const byVersion = new Map(versions.filter((v) => v.id === current.id).map((v) => [v.version, v]));
	// Walk from the current version down, composing the renames: old → ... → current.
	let map = new Map<string, string>();
	let q: Questionnaire | undefined = current;
	while (q && q.version > fromVersion && q.supersedes) {
		const step = new Map(Object.entries(q.supersedes.renamed ?? {}));
		const next = new Map<string, string>();
		const previous = byVersion.get(q.supersedes.version);
		for (const t of previous?.themes ?? []) {
			for (const i of t.items) {
				const mid = step.get(i.id) ?? i.id;
				next.set(i.id, map.get(mid) ?? mid);
			}
		}
		for (const dropped of q.supersedes.dropped ?? []) next.delete(dropped);
		map = next;
		q = previous;
	}
	return map;
}

export interface ThemeComparison {
	themeId: string;
	title: string;
	score: number | null;
	previous: number | null;
	change: number | null;
	swv: BenchmarkSpread | null;
	sameType: BenchmarkSpread | null;
}

/**
 * Per theme: this round's score, the previous round's, and the median and quartiles of the other
 * schools (SWV, same school type), given only where enough schools take part.
 */
export function compareThemes(
	current: readonly ThemeScore[],
	previous: readonly ThemeScore[] | null,
	swvSchools: readonly Record<string, number | null>[],
	sameTypeSchools: readonly Record<string, number | null>[],
	levels: readonly Level[]
): ThemeComparison[] {
	const spread = (units: readonly Record<string, number | null>[], themeId: string) => {
		const values = units.map((u) => u[themeId]).filter((v): v is number => typeof v === 'number');
		if (!benchmarkAllowed(values.length)) return null;
		// Only what the page shows: never another school's own score (a minimum or maximum).
		const { n, median, q1, q3 } = summarize(values, levels);
		return { n, median, q1, q3 };
	};
	return current.map((t) => {
		const before = previous?.find((p) => p.themeId === t.themeId)?.score ?? null;
		return {
			themeId: t.themeId,
			title: t.title,
			score: t.score,
			previous: before,
			change: t.score !== null && before !== null ? t.score - before : null,
			swv: spread(swvSchools, t.themeId),
			sameType: spread(sameTypeSchools, t.themeId)
		};
	});
}
