import type { SpreadSummary } from './aggregate';
import type { Level } from './questionnaire/schema';
import { formatDate } from './format';
import { slug } from './school-report';
import type { Overview, SectorBenchmark, TrendYear } from './swv-overview';

/**
 * The SWV report's model: the same overview, spread, trend and benchmark that the SWV pages show
 * (from the functions in swv-overview.ts), plus the SWV's own scan and what the cover needs.
 */

export interface OwnScanInput {
	title: string;
	questionnaire: string;
	finishedAt: string;
	respondents: number;
	minRespondents: number;
	hidden: boolean;
	themes: { id: string; title: string; score: number | null; level: Level | null }[];
}

export interface SwvReportInput {
	swv: { name: string; code: string; sector: string };
	today: string;
	questionnaire: { title: string; version: number };
	levels: readonly Level[];
	overview: Overview;
	trend: readonly TrendYear[];
	benchmark: SectorBenchmark;
	ownScan: OwnScanInput | null;
}

/** A short code per level for the table cells (the legend names them in full). */
export const LEVEL_ABBREVIATIONS: Record<string, string> = {
	verkennen: 'V',
	ontwikkelen: 'O',
	functioneren: 'F',
	borgen: 'G'
};

export function swvReport(input: SwvReportInput) {
	const spread = (id: string): SpreadSummary | undefined => input.overview.footer[id];
	return {
		...input,
		meta: {
			today: formatDate(input.today),
			fileName: `scan-passend-onderwijs-${slug(input.swv.name)}-${input.today}.pdf`
		},
		/** Per theme the cells' text as in the web table: score, level, and * below the norm. */
		cellText: (c: { score: number | null; level: Level | null; meetsNorm: boolean | null }) =>
			c.score === null
				? '—'
				: `${c.score} ${LEVEL_ABBREVIATIONS[c.level?.id ?? ''] ?? ''}${c.meetsNorm === false ? '*' : ''}`,
		spread
	};
}

export type SwvReport = ReturnType<typeof swvReport>;
