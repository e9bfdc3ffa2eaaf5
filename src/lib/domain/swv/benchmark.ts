import { MIN_BENCHMARK_UNITS, benchmarkAllowed, summarize, type SpreadSummary } from '../aggregate';
import type { Level } from '../questionnaire/schema';
import { SCHOOL_TYPES, type SchoolType } from '../school-type';
import type { ThemeRef } from './overview';
import { POOLED_LABEL, sameStatements, type StatementSets } from './per-type';

/** What a benchmark shows: no minimum or maximum, which would be one other SWV's median. */
export type SectorSpread = Pick<SpreadSummary, 'n' | 'median' | 'q1' | 'q3'>;

export interface BenchmarkLine {
	themeId: string;
	/** The school type compared, or null: all types, only where they answer the same statements. */
	type: SchoolType | null;
	/** "PO", … or "Alle typen (zelfde stellingen)". */
	label: string;
	/** This SWV's median of its schools of the type; null with fewer than five scored schools. */
	own: number | null;
	sector: SectorSpread | null;
	allowed: boolean;
	/** SWVs that count: at least MIN_BENCHMARK_UNITS schools of the type with a score. */
	units: number;
}

export interface SectorBenchmark {
	/** Per theme, one line per school type in the sector, then all types only on the same statements. */
	lines: BenchmarkLine[];
}

export interface BenchmarkSchool {
	schoolType: SchoolType;
	themes: Readonly<Record<string, number | null>>;
}

/**
 * The SWV against the SWVs of its sector, per theme and per school type: each SWV is represented
 * by the median of its schools of the type (only SWVs with at least five scored schools of that
 * type count, so no SWV median is one school's score); the sector figures show only when at least
 * five SWVs count, the SWV itself included. Types answering different statements on a theme are
 * never pooled; over all types only where the statements are the same, labelled so.
 */
export function sectorBenchmark(
	themes: readonly ThemeRef[],
	levels: readonly Level[],
	swvs: readonly { swvId: number; schools: readonly BenchmarkSchool[] }[],
	ownSwvId: number,
	statements: StatementSets
): SectorBenchmark {
	const present = SCHOOL_TYPES.filter((t) =>
		swvs.some((s) => s.schools.some((x) => x.schoolType === t))
	);
	const line = (themeId: string, type: SchoolType | null, label: string): BenchmarkLine => {
		const medians = new Map<number, number>();
		for (const s of swvs) {
			const values = s.schools.flatMap((x) => {
				const v = x.themes[themeId];
				return (type === null || x.schoolType === type) && typeof v === 'number' ? [v] : [];
			});
			if (values.length < MIN_BENCHMARK_UNITS) continue;
			medians.set(s.swvId, summarize(values, levels).median!);
		}
		const allowed = benchmarkAllowed(medians.size);
		const spread = summarize([...medians.values()], levels);
		return {
			themeId,
			type,
			label,
			own: medians.get(ownSwvId) ?? null,
			sector: allowed ? { n: spread.n, median: spread.median, q1: spread.q1, q3: spread.q3 } : null,
			allowed,
			units: medians.size
		};
	};
	return {
		lines: themes.flatMap((t) => [
			...present.map((type) => line(t.id, type, type.toUpperCase())),
			...(present.length > 1 && sameStatements(statements, t.id, present)
				? [line(t.id, null, POOLED_LABEL)]
				: [])
		])
	};
}
