import { MIN_BENCHMARK_UNITS, benchmarkAllowed, summarize, type SpreadSummary } from '../aggregate';
import type { Level } from '../questionnaire/schema';
import type { ThemeRef } from './overview';

/** What a benchmark shows: no minimum or maximum, which would be one other SWV's median. */
export type SectorSpread = Pick<SpreadSummary, 'n' | 'median' | 'q1' | 'q3'>;

export interface SectorBenchmark {
	/** SWVs that count: at least MIN_BENCHMARK_UNITS schools with a score for the theme. */
	units: Record<string, number>;
	themes: Record<
		string,
		{ own: number | null; sector: SectorSpread | null; allowed: boolean; units: number }
	>;
}

/**
 * The SWV against the SWVs of its sector, per theme: each SWV is represented by the median of its
 * schools (only SWVs with at least five scored schools count, so no SWV median is one school's
 * score); the sector figures show only when at least five SWVs count, the SWV itself included.
 */
export function sectorBenchmark(
	themes: readonly ThemeRef[],
	levels: readonly Level[],
	swvs: readonly { swvId: number; schools: readonly Readonly<Record<string, number | null>>[] }[],
	ownSwvId: number
): SectorBenchmark {
	const out: SectorBenchmark = { units: {}, themes: {} };
	for (const t of themes) {
		const medians = new Map<number, number>();
		for (const s of swvs) {
			const values = s.schools.flatMap((x) => {
				const v = x[t.id];
				return typeof v === 'number' ? [v] : [];
			});
			if (values.length < MIN_BENCHMARK_UNITS) continue;
			medians.set(s.swvId, summarize(values, levels).median!);
		}
		const allowed = benchmarkAllowed(medians.size);
		const spread = summarize([...medians.values()], levels);
		out.units[t.id] = medians.size;
		out.themes[t.id] = {
			own: medians.get(ownSwvId) ?? null,
			sector: allowed ? { n: spread.n, median: spread.median, q1: spread.q1, q3: spread.q3 } : null,
			allowed,
			units: medians.size
		};
	}
	return out;
}
