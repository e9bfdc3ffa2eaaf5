import { formatDate, yearMonth } from './format';
import { MIN_BENCHMARK_UNITS, benchmarkAllowed, summarize, type SpreadSummary } from './aggregate';
import { levelFor } from './questionnaire/model';
import type { Level } from './questionnaire/schema';
import { SCHOOL_TYPE_LABELS, type SchoolType } from './school-type';

/**
 * The SWV's picture of its schools: the schools × themes table with the SWV's norm, the spread
 * per theme, participation, the trend over school years and the benchmark against the other SWVs
 * of its sector. Pure: the SWV pages, the exports and the PDF report all call these functions.
 */

export interface ThemeRef {
	id: string;
	title: string;
}

/** What an SWV may know of a school's latest finished round. */
export type LatestResult =
	| { kind: 'geen' }
	| { kind: 'niet-gedeeld'; roundTitle: string; date: Date; respondents: number }
	| { kind: 'te-weinig'; roundTitle: string; date: Date; respondents: number }
	| {
			kind: 'scores';
			roundId: number;
			roundTitle: string;
			date: Date;
			questionnaireVersion: number;
			respondents: number;
			themes: Readonly<Record<string, number | null>>;
			note: string | null;
	  };

export interface SchoolInput {
	id: number;
	name: string;
	place: string;
	code: string;
	schoolType: SchoolType;
	/** Rounds the school has had, open ones included. */
	rounds: number;
	/** Respondents who handed in, in the school's newest round (open or finished). */
	lastRespondents: number | null;
	/** When the newest round opened. */
	lastRoundAt: Date | null;
	/** A round is open now. */
	open: boolean;
	latest: LatestResult;
}

export interface Cell {
	themeId: string;
	score: number | null;
	level: Level | null;
	/** Whether the level reaches the SWV's norm; null without a norm or a score. */
	meetsNorm: boolean | null;
}

export interface OverviewRow {
	school: SchoolInput;
	/** Null when the school shows no scores; `status` then says why. */
	cells: Cell[] | null;
	status: string | null;
}

export type SortKey = 'naam' | 'type' | 'deelname' | `thema:${string}`;
export interface Sort {
	key: SortKey;
	dir: 'op' | 'af';
}

export interface Overview {
	themes: (ThemeRef & { norm: Level | null })[];
	rows: OverviewRow[];
	/** Per theme, the spread of the school scores in the table (after the type filter). */
	footer: Record<string, SpreadSummary>;
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

export function levelIndex(levels: readonly Level[], id: string | null | undefined): number {
	return levels.findIndex((l) => l.id === id);
}

export function meetsNorm(
	levels: readonly Level[],
	level: Level | null,
	norm: Level | null
): boolean | null {
	if (!level || !norm) return null;
	return levelIndex(levels, level.id) >= levelIndex(levels, norm.id);
}

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

/** School year of a moment, in Dutch time: from 1 August, as "2025-2026". */
export function schoolYear(date: Date): string {
	const { year: y, month: m } = yearMonth(date);
	return m >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

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

/** Per theme, the picture of the schools beside the SWV's own scan: median, its level, the norm. */
export function readiness(overview: Overview, levels: readonly Level[]) {
	return overview.themes.map((t) => {
		const f = overview.footer[t.id]!;
		const scored = overview.rows.flatMap((r) =>
			(r.cells ?? []).filter((c) => c.themeId === t.id && c.score !== null)
		);
		return {
			id: t.id,
			title: t.title,
			median: f.median,
			level: f.median === null ? null : levelFor(levels, f.median).name,
			n: f.n,
			norm: t.norm?.name ?? null,
			/** Schools at or above the norm; null without a norm. */
			meetingNorm: t.norm ? scored.filter((c) => c.meetsNorm).length : null
		};
	});
}

export interface RoundStart {
	opensAt: Date;
	open: boolean;
	/** Responses sent (only sent responses count, also for the SWV). */
	sent: number;
}

/**
 * Where a school stands for its SWV: a round running (and how many sent), its last round, or
 * never started. Not started this school year: no round since 1 August, or an open round that
 * nobody has sent yet. `rounds` newest first.
 */
export function startStatus(rounds: readonly RoundStart[], active: boolean, now: Date) {
	const open = rounds.find((r) => r.open);
	const newest = rounds[0];
	const year = schoolYear(now);
	return {
		open: !!open,
		notStarted:
			active &&
			(!rounds.some((r) => schoolYear(r.opensAt) === year) || (!!open && open.sent === 0)),
		stand: open
			? `ronde loopt, ${open.sent} verstuurd`
			: newest
				? `laatste ronde ${formatDate(newest.opensAt, 'short')}`
				: 'nog nooit gestart'
	};
}
