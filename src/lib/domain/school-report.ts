import { companionReport, type CompanionInput } from './companion';
import { planEntry, type ActionInput } from './action-plan';
import { recommend, type CatalogItem } from './catalog';
import { compareThemes } from './compare';
import { formatDate } from './format';
import type { Questionnaire } from './questionnaire/schema';
import { summarizeRound } from './report';
import { AUDIENCE_WORDS, audienceLabels, type Audience } from './report-audience';
import { methodText, mrSummary, sopText } from './report-texts';
import { SCHOOL_TYPE_LABELS, type ScanContext } from './school-type';
import { scoreRound, type GroupTally, type RoundScore } from './scoring';

/**
 * The report model of one round: everything the results page shows and the school PDF prints,
 * assembled from plain data in one place, so that page and PDF can never disagree. The texts
 * (SOP or ondersteuningsplan, MR or OPR, method) come from report-texts.ts, the file name from
 * report-file.ts.
 */

export interface SchoolReportInput {
	round: {
		id: number;
		title: string;
		status: 'open' | 'closed';
		/** ISO timestamps. */
		opensAt: string;
		closesAt: string | null;
		closedAt: string | null;
		minRespondents: number;
	};
	questionnaire: Questionnaire;
	context: ScanContext;
	/** The school, or null for an SWV's own scan. */
	school: { id: number; name: string; place: string } | null;
	swv: { id: number; code: string; name: string };
	/** What the disclosure model lets this round show now (see `disclosure.ts`). */
	result: {
		state: 'open' | 'too-few' | 'shown';
		score: RoundScore;
		/** Sent responses waiting for an update of the figures, and how many more it needs. */
		pending: { newSince: number; needed: number } | null;
		/** ISO timestamp of the release shown. */
		shownAt: string | null;
	};
	catalog: readonly CatalogItem[];
	/** Today as YYYY-MM-DD: what counts as a coming or a past offer, and the report's date. */
	today: string;
	plan: readonly ActionInput[];
	/** The school's round before this one, with what is needed to score it (when closed). */
	previous: {
		id: number;
		title: string;
		/** What that round shows (null: nothing, or not finished). */
		score: RoundScore | null;
		plan: readonly ActionInput[];
	} | null;
	/** Theme scores of other schools (latest released rounds), for a school's round only. */
	benchmarks: {
		swv: readonly Record<string, number | null>[];
		sameType: readonly Record<string, number | null>[];
	} | null;
	comments: Record<string, string[]>;
	/** Companion rounds (parents) beside this round, each with its own disclosure. */
	companions?: readonly CompanionInput[];
}

/**
 * The result of a round that shows its answers for the first time, as one view: the first
 * release of the disclosure model (later releases are decided by `decideDisclosure`).
 */
export function firstView(
	q: Questionnaire,
	context: ScanContext,
	tallies: readonly GroupTally[],
	minRespondents: number,
	shownAt: string | null = null
): SchoolReportInput['result'] {
	const score = scoreRound(q, context, tallies, minRespondents);
	return {
		state: score.disclosure === 'hidden' ? 'too-few' : 'shown',
		score,
		pending: null,
		shownAt
	};
}

/** Assembles the whole report of a round from plain data. */
export function schoolReport(input: SchoolReportInput) {
	const { questionnaire: q, context, round: r } = input;
	const score = input.result.score;
	const summary = summarizeRound(score);
	const plan = input.plan.map(planEntry(q));
	const prev = input.previous;
	const shownPrev = prev?.score && prev.score.disclosure !== 'hidden' ? prev.score : null;
	const who = input.school ? input.school.name : input.swv.name;
	const audience: Audience = input.school ? 'school' : 'swv';
	const w = AUDIENCE_WORDS[audience];
	const ended = r.closedAt ?? (r.status === 'closed' ? r.closesAt : null);
	const period = ended
		? `van ${formatDate(r.opensAt)} tot ${formatDate(ended)}`
		: `sinds ${formatDate(r.opensAt)}; de ronde loopt nog`;
	return {
		round: {
			id: r.id,
			title: r.title,
			version: q.version,
			questionnaire: q.title
		},
		/** Whom the texts speak to, and the words they use for it. */
		audience,
		words: audienceLabels(audience),
		unit: input.school
			? { name: input.school.name, href: `/scholen/${input.school.id}` }
			: { name: 'Eigen scan van het samenwerkingsverband', href: `/swv/${input.swv.id}` },
		/** What the cover of the PDF says about whose round it is and when. */
		meta: {
			school: input.school ? `${input.school.name}, ${input.school.place}` : null,
			schoolType: context === 'swv' ? null : SCHOOL_TYPE_LABELS[context],
			swv: `${input.swv.name} (${input.swv.code.replace(/^(PO|VO)(\d\d)(\d\d)$/, '$1 $2-$3')})`,
			opensAt: formatDate(r.opensAt),
			endedAt: ended ? formatDate(ended) : null,
			open: r.status === 'open',
			period,
			today: formatDate(input.today),
			/** Name for the file: the school, or the SWV for its own scan. */
			slugSource: input.school ? input.school.name : input.swv.name
		},
		levels: q.levels.map((l) => ({
			id: l.id,
			name: l.name,
			from: l.from,
			to: l.to,
			verdict: l.verdict,
			description: l.description
		})),
		score,
		/** open: participation only; too-few: below the minimum; shown: figures. */
		state: input.result.state,
		pending: input.result.pending,
		shownAt: input.result.shownAt ? formatDate(input.result.shownAt) : null,
		summary,
		recommendations: recommend(
			input.catalog,
			score.themes,
			context,
			q.levels.at(-1)!.id,
			input.today,
			{ swvId: input.swv.id }
		),
		comparison:
			score.disclosure === 'hidden' || !input.benchmarks
				? null
				: {
						previousTitle: shownPrev ? prev!.title : null,
						themes: compareThemes(
							score.themes,
							shownPrev ? shownPrev.themes : null,
							input.benchmarks.swv,
							input.benchmarks.sameType,
							q.levels
						)
					},
		plan,
		previous: prev ? { id: prev.id, title: prev.title, plan: prev.plan.map(planEntry(q)) } : null,
		// Comments only once results show.
		comments: score.disclosure !== 'hidden' ? input.comments : {},
		sop:
			score.disclosure === 'hidden'
				? []
				: score.themes.map((t) => ({
						themeId: t.themeId,
						title: t.title,
						paragraphs: sopText(t, q, who, plan, score.respondents, w)
					})),
		/** Parents (companions) beside the team: theme scores side by side and their statements. */
		companions: (input.companions ?? []).map((c) => companionReport(q, score, c)),
		mr: mrSummary(score, summary, who, period, plan, q.levels, w),
		method: methodText(q, r.minRespondents, w)
	};
}

export type SchoolReport = ReturnType<typeof schoolReport>;
