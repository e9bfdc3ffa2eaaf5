import { summarize } from '../aggregate';
import type { Level } from '../questionnaire/schema';
import type { ThemeRef } from './overview';
import { schoolYear } from './school-year';
import { SCHOOL_TYPES, type SchoolType } from '../school-type';
import { sameStatements, type StatementSets } from './per-type';

export interface TrendPoint {
	schoolId: number;
	date: Date;
	themes: Readonly<Record<string, number | null>>;
}

export interface TrendYear {
	year: string;
	/** Schools with scores that year. */
	schools: number;
	/** Per school type with scores that year: its schools and its median per theme. */
	types: { type: SchoolType; schools: number; medians: Record<string, number | null> }[];
	/**
	 * Theme id → the median over all types of that year, only where they all answer the same
	 * statements (null where they differ); absent with one type (its own figure says it all).
	 */
	pooled: Record<string, number | null> | null;
}

/**
 * The SWV median per theme per school year, from each school's latest scored round that year,
 * per school type: types answering different statements on a theme are never pooled.
 */
export function swvTrend(
	themes: readonly ThemeRef[],
	levels: readonly Level[],
	points: readonly TrendPoint[],
	typeOf: (schoolId: number) => SchoolType | undefined,
	statements: StatementSets
): TrendYear[] {
	const latest = new Map<string, Map<number, TrendPoint>>();
	for (const p of points) {
		if (!typeOf(p.schoolId)) continue;
		const year = schoolYear(p.date);
		const perSchool = latest.get(year) ?? new Map<number, TrendPoint>();
		const seen = perSchool.get(p.schoolId);
		if (!seen || seen.date < p.date) perSchool.set(p.schoolId, p);
		latest.set(year, perSchool);
	}
	const medians = (list: readonly TrendPoint[]) =>
		Object.fromEntries(
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
		);
	return [...latest.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([year, perSchool]) => {
			const list = [...perSchool.values()];
			const present = SCHOOL_TYPES.filter((t) => list.some((p) => typeOf(p.schoolId) === t));
			const all = medians(list);
			return {
				year,
				schools: list.length,
				types: present.map((type) => {
					const own = list.filter((p) => typeOf(p.schoolId) === type);
					return { type, schools: own.length, medians: medians(own) };
				}),
				pooled:
					present.length > 1
						? Object.fromEntries(
								themes.map((t) => [
									t.id,
									sameStatements(statements, t.id, present) ? all[t.id]! : null
								])
							)
						: null
			};
		});
}

/** One line of the trend's chart and table: a theme for one school type, or pooled (type null). */
export interface TrendLine {
	themeId: string;
	type: SchoolType | null;
	/** "Thema (PO)" or "Thema (alle typen, zelfde stellingen)". */
	label: string;
	/** Per year in the trend (same order): the median, or null (no scores, or not comparable). */
	values: (number | null)[];
}

/**
 * The trend's lines: per theme one per school type in the trend, and one over all types only
 * where every year that has several types has them answer the same statements.
 */
export function trendLines(themes: readonly ThemeRef[], trend: readonly TrendYear[]): TrendLine[] {
	const types = SCHOOL_TYPES.filter((t) => trend.some((y) => y.types.some((x) => x.type === t)));
	return themes.flatMap((t) => {
		const own = types.map((type) => ({
			themeId: t.id,
			type,
			label: `${t.title} (${type.toUpperCase()})`,
			values: trend.map((y) => y.types.find((x) => x.type === type)?.medians[t.id] ?? null)
		}));
		const pooledShown =
			types.length > 1 && trend.every((y) => y.pooled === null || y.pooled[t.id] !== null);
		if (!pooledShown) return own;
		return [
			...own,
			{
				themeId: t.id,
				type: null,
				label: `${t.title} (alle typen, zelfde stellingen)`,
				values: trend.map((y) =>
					y.pooled ? (y.pooled[t.id] ?? null) : (y.types[0]?.medians[t.id] ?? null)
				)
			}
		];
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

/** The trend's lines grouped per school type (then the pooled lines), a chart each. */
export function trendGroups(lines: readonly TrendLine[]): { label: string; lines: TrendLine[] }[] {
	const keys = [...new Set(lines.map((l) => l.type))].sort(
		(a, b) =>
			(a === null ? SCHOOL_TYPES.length : SCHOOL_TYPES.indexOf(a)) -
			(b === null ? SCHOOL_TYPES.length : SCHOOL_TYPES.indexOf(b))
	);
	return keys.map((type) => ({
		label:
			type === null ? 'Alle typen (alleen thema’s met dezelfde stellingen)' : type.toUpperCase(),
		lines: lines.filter((l) => l.type === type)
	}));
}
