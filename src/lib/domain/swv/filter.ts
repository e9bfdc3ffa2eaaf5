import type { LatestResult, OverviewRow } from './types';

/**
 * Which schools the SWV's table shows, beyond the school type: a level or "below the norm" on a
 * chosen theme or on any theme, a status (not shared, too few respondents, never started, with
 * scores), and a search on the school's name. Every filter is a query parameter, so a filtered
 * table works without JavaScript and can be bookmarked.
 */
export const STATUS_FILTERS = ['scores', 'niet-gedeeld', 'te-weinig', 'nooit-gestart'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
	scores: 'met gedeelde scores',
	'niet-gedeeld': 'niet gedeeld',
	'te-weinig': 'te weinig respondenten',
	'nooit-gestart': 'nog nooit gestart'
};

export interface RowFilter {
	/** A theme id: the level and norm filters look at this theme only; null: at any theme. */
	theme: string | null;
	/** A level id. */
	level: string | null;
	belowNorm: boolean;
	status: StatusFilter | null;
	/** Part of the school's name. */
	search: string;
}

export const NO_FILTER: RowFilter = {
	theme: null,
	level: null,
	belowNorm: false,
	status: null,
	search: ''
};

/** Lower case without accents, for a search that finds "Ëlla" when typed "ella". */
const fold = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLocaleLowerCase('nl');

function statusOf(latest: LatestResult, rounds: number): StatusFilter | null {
	if (rounds === 0) return 'nooit-gestart';
	if (latest.kind === 'scores') return 'scores';
	if (latest.kind === 'niet-gedeeld') return 'niet-gedeeld';
	if (latest.kind === 'te-weinig') return 'te-weinig';
	return null;
}

export function rowMatches(row: OverviewRow, f: RowFilter): boolean {
	if (f.search && !fold(row.school.name).includes(fold(f.search))) return false;
	if (f.status && statusOf(row.school.latest, row.school.rounds) !== f.status) return false;
	if (f.level || f.belowNorm) {
		const cells = (row.cells ?? []).filter((c) => f.theme === null || c.themeId === f.theme);
		const hit = cells.some(
			(c) => (!f.level || c.level?.id === f.level) && (!f.belowNorm || c.meetsNorm === false)
		);
		if (!hit) return false;
	}
	return true;
}

export const isFiltered = (f: RowFilter): boolean =>
	!!(f.theme || f.level || f.belowNorm || f.status || f.search);
