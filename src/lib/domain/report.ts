import type { ItemScore, RoundScore, ThemeScore } from './scoring';
import type { Verdict } from './questionnaire/schema';

/**
 * The report model of a round: what the results page shows (and, later, the PDF), derived from
 * the scores alone, in the language of the original scan: gaat goed, aandachtspunten, risico's.
 */

export const VERDICT_LABELS: Record<Verdict, string> = {
	'gaat-goed': 'Gaat goed',
	aandachtspunt: 'Aandachtspunt',
	risico: 'Risico'
};

export interface StatementRef {
	themeId: string;
	themeTitle: string;
	itemId: string;
	text: string;
	mean: number;
	meanOnScale: number;
}

export interface RoundSummary {
	/** Themes per verdict, strongest first within "gaat goed", weakest first otherwise. */
	verdicts: Record<Verdict, ThemeScore[]>;
	strongest: StatementRef[];
	weakest: StatementRef[];
	/** Themes with too few answers to score. */
	unscored: ThemeScore[];
}

function statements(score: RoundScore): StatementRef[] {
	return score.themes.flatMap((t) =>
		t.items
			.filter(
				(i): i is ItemScore & { mean: number; meanOnScale: number } =>
					i.mean !== null && i.meanOnScale !== null
			)
			.map((i) => ({
				themeId: t.themeId,
				themeTitle: t.title,
				itemId: i.itemId,
				text: i.text,
				mean: i.mean,
				meanOnScale: i.meanOnScale
			}))
	);
}

export function summarizeRound(score: RoundScore, count = 3): RoundSummary {
	const scored = score.themes.filter((t) => t.score !== null && t.level);
	const by = (v: Verdict) => scored.filter((t) => t.level!.verdict === v);
	const desc = (a: ThemeScore, b: ThemeScore) => b.score! - a.score!;
	const asc = (a: ThemeScore, b: ThemeScore) => a.score! - b.score!;
	const all = statements(score);
	return {
		verdicts: {
			'gaat-goed': by('gaat-goed').sort(desc),
			aandachtspunt: by('aandachtspunt').sort(asc),
			risico: by('risico').sort(asc)
		},
		strongest: [...all]
			.sort((a, b) => b.mean - a.mean || a.itemId.localeCompare(b.itemId))
			.slice(0, count),
		weakest: [...all]
			.sort((a, b) => a.mean - b.mean || a.itemId.localeCompare(b.itemId))
			.slice(0, count),
		unscored: score.themes.filter((t) => t.score === null)
	};
}
