import { summarize, type SpreadSummary } from '../aggregate';
import { levelFor } from '../questionnaire/model';
import type { Level } from '../questionnaire/schema';
import { SCHOOL_TYPE_LABELS, type SchoolType } from '../school-type';
import { rowMatches, type RowFilter } from './filter';
import type { Cell, LatestResult, OverviewRow, SchoolInput, Sort, ThemeRef } from './types';
import { meetsNorm } from './norm';
import { perTypeFigures, type PerTypeFigures, type StatementSets } from './per-type';

/**
 * The SWV's picture of its schools: the schools × themes table with the SWV's norm, the spread
 * per theme and participation. Pure: the SWV pages, the exports and the PDF report all call it.
 * The trend is in trend.ts, the sector benchmark in benchmark.ts, the readiness page's
 * summary in readiness.ts and where a school stands in start-status.ts.
 */

export type {
	Cell,
	LatestResult,
	OverviewRow,
	SchoolInput,
	Sort,
	SortKey,
	ThemeRef
} from './types';

export interface Overview {
	themes: (ThemeRef & { norm: Level | null })[];
	rows: OverviewRow[];
	/** Per theme, the spread of the school scores in the table (after the filters). */
	footer: Record<string, SpreadSummary>;
	/** The same per school type, and over all types only where they answer the same statements. */
	perType: PerTypeFigures;
	participation: Participation;
}

export interface Participation {
	schools: number;
	/** Schools with at least one round, open or finished. */
	started: number;
	/** Schools with a round open now. */
	open: number;
	/** Schools whose latest finished round shows scores to the SWV. */
	withScores: number;
	notShared: number;
	tooFew: number;
	/** Schools that never had a round. */
	notStarted: SchoolInput[];
}

export const STATUS_TEXT = {
	geen: 'Nog geen afgeronde ronde',
	'niet-gedeeld': 'Niet gedeeld',
	'te-weinig': 'te weinig respondenten'
} as const;

function statusOf(latest: LatestResult): string | null {
	return latest.kind === 'scores' ? null : STATUS_TEXT[latest.kind];
}

function cellsOf(
	latest: LatestResult,
	themes: Overview['themes'],
	levels: readonly Level[]
): Cell[] | null {
	if (latest.kind !== 'scores') return null;
	return themes.map((t) => {
		const score = latest.themes[t.id] ?? null;
		const level = score === null ? null : levelFor(levels, score);
		return { themeId: t.id, score, level, meetsNorm: meetsNorm(levels, level, t.norm) };
	});
}

function compareRows(sort: Sort) {
	const sign = sort.dir === 'af' ? -1 : 1;
	const byName = (a: OverviewRow, b: OverviewRow) =>
		a.school.name.localeCompare(b.school.name, 'nl');
	return (a: OverviewRow, b: OverviewRow): number => {
		if (sort.key === 'naam') return sign * byName(a, b);
		if (sort.key === 'type')
			return (
				sign *
					SCHOOL_TYPE_LABELS[a.school.schoolType].localeCompare(
						SCHOOL_TYPE_LABELS[b.school.schoolType],
						'nl'
					) || byName(a, b)
			);
		if (sort.key === 'deelname') {
			const n = (r: OverviewRow) => r.school.lastRespondents ?? -1;
			return sign * (n(a) - n(b)) || byName(a, b);
		}
		// A theme: schools without a score come last in either direction.
		const id = sort.key.slice('thema:'.length);
		const s = (r: OverviewRow) => r.cells?.find((c) => c.themeId === id)?.score ?? null;
		const x = s(a);
		const y = s(b);
		if (x === null || y === null)
			return (x === null ? 1 : 0) - (y === null ? 1 : 0) || byName(a, b);
		return sign * (x - y) || byName(a, b);
	};
}

export function swvOverview(input: {
	themes: readonly ThemeRef[];
	levels: readonly Level[];
	/** Theme id → level id. */
	norm: Readonly<Record<string, string>>;
	schools: readonly SchoolInput[];
	type?: SchoolType | null;
	sort?: Sort;
	/** Filters beyond the type; participation counts all schools of the type. */
	filter?: RowFilter;
	/** Which statements each type answers per theme; without it all types count as equal. */
	statements?: StatementSets;
}): Overview {
	const { levels } = input;
	const themes = input.themes.map((t) => ({
		...t,
		norm: levels.find((l) => l.id === input.norm[t.id]) ?? null
	}));
	const schools = input.type
		? input.schools.filter((s) => s.schoolType === input.type)
		: input.schools;
	const rows = schools
		.map((school) => ({
			school,
			cells: cellsOf(school.latest, themes, levels),
			status: statusOf(school.latest)
		}))
		.filter((r) => !input.filter || rowMatches(r, input.filter))
		.sort(compareRows(input.sort ?? { key: 'naam', dir: 'op' }));
	const footer = Object.fromEntries(
		themes.map((t) => [
			t.id,
			summarize(
				rows.flatMap((r) => {
					const v = r.cells?.find((c) => c.themeId === t.id)?.score;
					return typeof v === 'number' ? [v] : [];
				}),
				levels
			)
		])
	);
	return {
		themes,
		rows,
		footer,
		perType: perTypeFigures(rows, themes, levels, input.statements ?? {}),
		participation: {
			schools: schools.length,
			started: schools.filter((s) => s.rounds > 0).length,
			open: schools.filter((s) => s.open).length,
			withScores: schools.filter((s) => s.latest.kind === 'scores').length,
			notShared: schools.filter((s) => s.latest.kind === 'niet-gedeeld').length,
			tooFew: schools.filter((s) => s.latest.kind === 'te-weinig').length,
			notStarted: schools.filter((s) => s.rounds === 0)
		}
	};
}
