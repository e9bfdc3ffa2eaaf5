import { levelFor } from './questionnaire/model';
import type { Level } from './questionnaire/schema';

/**
 * Statistics over a set of units (the schools of an SWV, the SWVs of a sector). Benchmarks are
 * shown only where at least MIN_BENCHMARK_UNITS units take part, so that no single school's
 * result can be read off a benchmark.
 */
export const MIN_BENCHMARK_UNITS = 5;

export interface UnitScores {
	/** Theme id → score 0–100, or null where the unit has no disclosed score. */
	themes: Readonly<Record<string, number | null>>;
}

export interface SpreadSummary {
	n: number;
	mean: number | null;
	median: number | null;
	q1: number | null;
	q3: number | null;
	min: number | null;
	max: number | null;
	/** Level id → number of units at that level. */
	levels: Record<string, number>;
}

/** Quantile with linear interpolation between closest ranks (the common "type 7"). */
export function quantile(sorted: readonly number[], p: number): number | null {
	if (sorted.length === 0) return null;
	const pos = (sorted.length - 1) * p;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	const a = sorted[lo]!;
	const b = sorted[hi]!;
	return a + (b - a) * (pos - lo);
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function summarize(values: readonly number[], levels: readonly Level[]): SpreadSummary {
	const sorted = [...values].sort((a, b) => a - b);
	const counts = Object.fromEntries(levels.map((l) => [l.id, 0]));
	for (const v of sorted) counts[levelFor(levels, Math.round(v)).id]! += 1;
	return {
		n: sorted.length,
		mean: sorted.length ? round1(sorted.reduce((s, v) => s + v, 0) / sorted.length) : null,
		median: round1(quantile(sorted, 0.5)),
		q1: round1(quantile(sorted, 0.25)),
		q3: round1(quantile(sorted, 0.75)),
		min: sorted[0] ?? null,
		max: sorted.at(-1) ?? null,
		levels: counts
	};
}

/** Per theme, the spread of the units' scores (units without a score for a theme are left out). */
export function summarizeUnits(
	themeIds: readonly string[],
	units: readonly UnitScores[],
	levels: readonly Level[]
): Record<string, SpreadSummary> {
	return Object.fromEntries(
		themeIds.map((id) => [
			id,
			summarize(
				units.map((u) => u.themes[id]).filter((v): v is number => typeof v === 'number'),
				levels
			)
		])
	);
}

export function benchmarkAllowed(units: number): boolean {
	return units >= MIN_BENCHMARK_UNITS;
}
