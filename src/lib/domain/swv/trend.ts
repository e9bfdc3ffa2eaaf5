import { summarize } from '../aggregate';
import type { Level } from '../questionnaire/schema';
import type { ThemeRef } from './overview';
import { schoolYear } from './school-year';

export interface TrendPoint {
	schoolId: number;
	date: Date;
	themes: Readonly<Record<string, number | null>>;
}

export interface TrendYear {
	year: string;
	/** Schools with scores that year. */
	schools: number;
	/** Theme id → median of the schools' scores (each school's latest round of that year). */
	medians: Record<string, number | null>;
}

/** The SWV median per theme per school year, from each school's latest scored round that year. */
export function swvTrend(
	themes: readonly ThemeRef[],
	levels: readonly Level[],
	points: readonly TrendPoint[]
): TrendYear[] {
	const latest = new Map<string, Map<number, TrendPoint>>();
	for (const p of points) {
		const year = schoolYear(p.date);
		const perSchool = latest.get(year) ?? new Map<number, TrendPoint>();
		const seen = perSchool.get(p.schoolId);
		if (!seen || seen.date < p.date) perSchool.set(p.schoolId, p);
		latest.set(year, perSchool);
	}
	return [...latest.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([year, perSchool]) => {
			const list = [...perSchool.values()];
			return {
				year,
				schools: list.length,
				medians: Object.fromEntries(
					themes.map((t) => [
						t.id,
						summarize(
							list.flatMap((p) => {
								const v = p.themes[t.id];
								return typeof v === 'number' ? [v] : [];
							}),
							levels
						).median
					])
				)
			};
		});
}

export interface SchoolRoundPoint {
	date: Date;
	roundTitle: string;
	questionnaireVersion: number;
	/** Theme id → score; theme ids stay the same across questionnaire versions. */
	themes: Readonly<Record<string, number | null>>;
}

export interface SchoolTrendYear extends SchoolRoundPoint {
	year: string;
}

/** One school over its shared rounds: per school year its latest round, oldest year first. */
export function schoolTrend(points: readonly SchoolRoundPoint[]): SchoolTrendYear[] {
	const latest = new Map<string, SchoolRoundPoint>();
	for (const p of points) {
		const year = schoolYear(p.date);
		const seen = latest.get(year);
		if (!seen || seen.date < p.date) latest.set(year, p);
	}
	return [...latest.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([year, p]) => ({ year, ...p }));
}
