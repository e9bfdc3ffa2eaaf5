import type { ScanContext } from './school-type';
import {
	itemPoints,
	levelFor,
	scaleFor,
	scaleScoring,
	themesFor,
	visibleItemIds,
	type Answers
} from './questionnaire/model';
import type { Level, Questionnaire, Verdict } from './questionnaire/schema';
import { add, div, fraction, fromNumber, mul, roundHalfUp, sub, ZERO } from './exact';

/**
 * Scoring: answer counts in, readiness out. The database hands over counts per item per
 * respondent group (a GROUP BY), so nothing here needs every answer row.
 *
 * - An answer scores 0–100 by its place on the scale (reverse items mirrored); "weet ik niet"
 *   scores nothing but counts towards the "onvoldoende zicht" signal.
 * - Item mean = mean points of its scored answers; theme score = weighted mean of its item means;
 *   overall = weighted mean of the (unrounded) theme scores. All of it is exact (fractions of
 *   integers, `exact.ts`) and rounded once, half up, when shown: a theme at exactly 49,5 shows 50
 *   and its level is read from that rounded score, so what a user sees and its level agree.
 * - Spread = the standard deviation of the answers to an item (0–100), averaged over the theme:
 *   large spread means "beelden lopen uiteen".
 * - Staged disclosure: below the round's minimum (never under 3) nothing but the count; from the
 *   minimum, means only; from 5 respondents also distributions, shares and spread. An item mean
 *   needs as many scored answers as the minimum. Groups below the minimum fold into "overig".
 *   Where a mean is hidden, everything about that statement is hidden. What may show across
 *   views over time is decided in `disclosure.ts`, which passes a `DisplayMask` here.
 */

export const ABSOLUTE_MIN_RESPONDENTS = 3;
export const DISTRIBUTION_MIN_RESPONDENTS = 5;
export const DEFAULT_SIGNALS = { insufficientInsight: 0.3, divergentViews: 27 } as const;
export const OTHER_GROUP = 'overig';

/** Count per answer value (the "weet ik niet" value included). */
export type Distribution = Record<number, number>;

export interface GroupTally {
	/** Respondent group id; '' when groups were not asked. */
	group: string;
	respondents: number;
	items: Record<string, Distribution>;
}

export interface Respondent {
	group?: string | null;
	answers: Answers;
}

export type Disclosure = 'hidden' | 'means' | 'full';

export interface LevelRef {
	id: string;
	name: string;
	verdict: Verdict;
}

export interface ItemScore {
	itemId: string;
	text: string;
	/** Answers given, "weet ik niet" included. */
	/** What this view shows of the statement. */
	shown: ItemShown;
	/** Answers given, "weet ik niet" included (only where the distribution shows). */
	n: number | null;
	/** Answers that score (only where the distribution shows). */
	scored: number | null;
	mean: number | null;
	/** The mean on the scale's own values (e.g. 1–4), one decimal as shown: "gemiddeld 2,7". */
	meanOnScale: number | null;
	dontKnowShare: number | null;
	sd: number | null;
	distribution: { value: number; label: string; count: number; dontKnow: boolean }[] | null;
}

export interface ThemeScore {
	themeId: string;
	title: string;
	score: number | null;
	level: LevelRef | null;
	/** Answers given to the theme's statements that show their distribution. */
	n: number | null;
	dontKnowShare: number | null;
	spread: number | null;
	signals: { insufficientInsight: boolean; divergentViews: boolean };
	items: ItemScore[];
}

export interface ScoreSet {
	respondents: number;
	disclosure: Disclosure;
	/** Respondents still needed before anything is shown (0 when shown). */
	needed: number;
	themes: ThemeScore[];
	overall: { score: number | null; level: LevelRef | null };
}

export interface GroupScore extends ScoreSet {
	group: string;
	label: string;
}

export interface RoundScore extends ScoreSet {
	minRespondents: number;
	groups: GroupScore[];
	/** True when some groups were too small and were folded into "overig" or left out. */
	groupsFolded: boolean;
}

function levelRef(level: Level): LevelRef {
	return { id: level.id, name: level.name, verdict: level.verdict };
}

export function effectiveMinimum(minRespondents: number): number {
	return Math.max(ABSOLUTE_MIN_RESPONDENTS, Math.floor(minRespondents));
}

export function disclosureFor(respondents: number, minRespondents: number): Disclosure {
	if (respondents < effectiveMinimum(minRespondents)) return 'hidden';
	return respondents < distributionMinimum(minRespondents) ? 'means' : 'full';
}

/** From how many sent responses a part (the whole, a group) shows distributions. */
export const distributionMinimum = (minRespondents: number) =>
	Math.max(DISTRIBUTION_MIN_RESPONDENTS, effectiveMinimum(minRespondents));

/**
 * The answers of one respondent that count: items that apply to the context, are visible for
 * that respondent's answers, with a value on the scale.
 */
export function countedAnswers(
	q: Questionnaire,
	context: ScanContext,
	answers: Answers
): Map<string, number> {
	const visible = visibleItemIds(q, context, answers);
	const out = new Map<string, number>();
	for (const { items } of themesFor(q, context))
		for (const item of items) {
			const value = answers[item.id];
			if (value === undefined || !visible.has(item.id)) continue;
			if (scaleFor(q, item).options.some((o) => o.value === value)) out.set(item.id, value);
		}
	return out;
}

/** Counts per-respondent answers into group tallies, keeping only answers that count. */
export function tallyRespondents(
	q: Questionnaire,
	context: ScanContext,
	respondents: readonly Respondent[]
): GroupTally[] {
	const groups = new Map<string, GroupTally>();
	for (const r of respondents) {
		const key = r.group ?? '';
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { group: key, respondents: 0, items: {} }));
		g.respondents++;
		for (const [itemId, value] of countedAnswers(q, context, r.answers)) {
			const dist = (g.items[itemId] ??= {});
			dist[value] = (dist[value] ?? 0) + 1;
		}
	}
	return [...groups.values()];
}

/** Adds tallies together (the whole round from its groups, or "overig" from small groups). */
export function mergeTallies(group: string, tallies: readonly GroupTally[]): GroupTally {
	const merged: GroupTally = { group, respondents: 0, items: {} };
	for (const t of tallies) {
		merged.respondents += t.respondents;
		for (const [itemId, dist] of Object.entries(t.items)) {
			const into = (merged.items[itemId] ??= {});
			for (const [value, count] of Object.entries(dist)) {
				into[Number(value)] = (into[Number(value)] ?? 0) + count;
			}
		}
	}
	return merged;
}

/** A share as shown: whole percents, exact and rounded half up (23 of 40 is 58 %, not 57). */
const percentShare = (part: number, whole: number) =>
	roundHalfUp(fraction(BigInt(part * 100), BigInt(whole))) / 100;

/** How much of one statement a part shows: everything, the mean only, or nothing. */
export type ItemShown = 'full' | 'means' | 'hidden';

/**
 * What a result may show beyond the rules of one view, decided by the disclosure model
 * (`disclosure.ts`) from what was shown before: which groups stand apart (the rest folds into
 * "overig"; null: no groups at all), and per part ('' for the whole, a group id, 'overig')
 * statements that show less than their counts would allow.
 */
export interface DisplayMask {
	groups?: readonly string[] | null;
	items?: Readonly<Record<string, Readonly<Record<string, ItemShown>>>>;
}

const lessOf = (a: ItemShown, b: ItemShown | undefined): ItemShown =>
	b === 'hidden' || a === 'hidden' ? 'hidden' : b === 'means' || a === 'means' ? 'means' : 'full';

/** What one view may show of a statement by its own counts: the stage rules. */
export function itemStage(
	partRespondents: number,
	scored: number,
	minRespondents: number
): ItemShown {
	const min = effectiveMinimum(minRespondents);
	if (partRespondents < min || scored < min) return 'hidden';
	return partRespondents >= distributionMinimum(min) ? 'full' : 'means';
}

/**
 * Scores one tally (a round, a group) under the disclosure rules. A statement shows its mean
 * only with at least the minimum of scored answers, and its distribution, counts, spread and
 * "weet ik niet" share only where the whole part shows distributions; a hidden statement shows
 * nothing and does not count towards its theme. Means are exact fractions, rounded once, half
 * up: a theme's score is the weighted mean of its shown statements' exact means, the overall
 * score the weighted mean of the exact theme scores.
 */
export function scoreTally(
	q: Questionnaire,
	context: ScanContext,
	tally: GroupTally,
	minRespondents: number,
	limits: Readonly<Record<string, ItemShown>> = {}
): ScoreSet {
	const min = effectiveMinimum(minRespondents);
	const disclosure = disclosureFor(tally.respondents, min);
	if (disclosure === 'hidden') {
		return {
			respondents: tally.respondents,
			disclosure,
			needed: min - tally.respondents,
			themes: [],
			overall: { score: null, level: null }
		};
	}
	const signals = q.signals ?? DEFAULT_SIGNALS;
	let overallSum = ZERO;
	let overallWeights = ZERO;

	const themes: ThemeScore[] = themesFor(q, context).map(({ theme, items }) => {
		let weighted = ZERO;
		let weights = ZERO;
		let spreadSum = 0;
		let spreadWeights = 0;
		let n = 0;
		let dontKnow = 0;
		let fullItems = 0;
		const itemScores = items.map((item): ItemScore => {
			const scale = scaleFor(q, item);
			const scoring = scaleScoring(scale);
			const dist = tally.items[item.id] ?? {};
			const values = [...scoring.points.keys()];
			const lo = Math.min(...values);
			const hi = Math.max(...values);
			let count = 0;
			let scored = 0;
			// Sum of (value − lowest), mirrored for reverse items: points are 100·that/(hi − lo).
			let steps = 0;
			let pointsSum = 0;
			let pointsSq = 0;
			for (const [valueText, c] of Object.entries(dist)) {
				const value = Number(valueText);
				count += c;
				const p = itemPoints(scoring, item, value);
				if (p === null) continue;
				scored += c;
				steps += (item.reverse ? hi - value : value - lo) * c;
				pointsSum += p * c;
				pointsSq += p * p * c;
			}
			const shown = lessOf(itemStage(tally.respondents, scored, min), limits[item.id]);
			if (shown === 'hidden') {
				return {
					itemId: item.id,
					text: item.text,
					shown,
					n: null,
					scored: null,
					mean: null,
					meanOnScale: null,
					dontKnowShare: null,
					sd: null,
					distribution: null
				};
			}
			const range = fromNumber(hi - lo);
			const exactMean = div(
				mul(fromNumber(100), fromNumber(steps)),
				mul(range, fromNumber(scored))
			);
			const weight = fromNumber(item.weight ?? 1);
			weighted = add(weighted, mul(exactMean, weight));
			weights = add(weights, weight);
			// The mean on the scale's own values, the way a respondent reads it (1–4).
			const onScale = add(fromNumber(lo), mul(div(exactMean, fromNumber(100)), range));
			const visibleOnScale = item.reverse ? sub(fromNumber(hi + lo), onScale) : onScale;
			const full = shown === 'full';
			let sd: number | null = null;
			if (full) {
				const m = pointsSum / scored;
				sd = Math.sqrt(Math.max(0, pointsSq / scored - m * m));
				spreadSum += sd * (item.weight ?? 1);
				spreadWeights += item.weight ?? 1;
				n += count;
				dontKnow += count - scored;
				fullItems++;
			}
			return {
				itemId: item.id,
				text: item.text,
				shown,
				n: full ? count : null,
				scored: full ? scored : null,
				mean: roundHalfUp(exactMean, 1),
				meanOnScale: roundHalfUp(visibleOnScale, 1),
				dontKnowShare: full && count > 0 ? percentShare(count - scored, count) : null,
				sd: sd === null ? null : Math.round(sd * 10) / 10,
				distribution: full
					? scale.options.map((o) => ({
							value: o.value,
							label: o.label,
							count: dist[o.value] ?? 0,
							dontKnow: Boolean(o.dontKnow)
						}))
					: null
			};
		});
		const exactScore = weights.n > 0n ? div(weighted, weights) : null;
		if (exactScore) {
			const w = fromNumber(theme.weight ?? 1);
			overallSum = add(overallSum, mul(exactScore, w));
			overallWeights = add(overallWeights, w);
		}
		const score = exactScore ? roundHalfUp(exactScore) : null;
		const dontKnowShare = fullItems > 0 && n > 0 ? percentShare(dontKnow, n) : null;
		const spread = spreadWeights > 0 ? Math.round((spreadSum / spreadWeights) * 10) / 10 : null;
		return {
			themeId: theme.id,
			title: theme.title,
			score,
			level: score === null ? null : levelRef(levelFor(q.levels, score)),
			n: fullItems > 0 ? n : null,
			dontKnowShare,
			spread,
			signals: {
				insufficientInsight: dontKnowShare !== null && dontKnow / n > signals.insufficientInsight,
				divergentViews: spread !== null && spread > signals.divergentViews
			},
			items: itemScores
		};
	});

	const overall = overallWeights.n > 0n ? roundHalfUp(div(overallSum, overallWeights)) : null;
	return {
		respondents: tally.respondents,
		disclosure,
		needed: 0,
		themes,
		overall: {
			score: overall,
			level: overall === null ? null : levelRef(levelFor(q.levels, overall))
		}
	};
}

/**
 * Which groups stand apart in one view. Small groups fold into "overig"; when "overig" would
 * itself be too small (so that its answers could be worked out from the whole minus the shown
 * groups), the smallest shown groups join it until it is large enough, and if nothing would be
 * left to compare, no groups are shown (null).
 */
export function naturalGroups(
	q: Questionnaire,
	groups: readonly GroupTally[],
	minRespondents: number
): string[] | null {
	const min = effectiveMinimum(minRespondents);
	const order = (q.respondentGroups ?? []).map((g) => g.id);
	const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
	const asked = groups.filter((g) => g.respondents > 0);
	if (!asked.some((g) => g.group !== '')) return null;
	let shown = asked
		.filter((g) => g.group !== '' && g.group !== OTHER_GROUP && g.respondents >= min)
		.sort(
			(a, b) =>
				b.respondents - a.respondents ||
				rank(a.group) - rank(b.group) ||
				(a.group < b.group ? -1 : 1)
		);
	const restCount = () =>
		asked.filter((g) => !shown.includes(g)).reduce((s, g) => s + g.respondents, 0);
	while (shown.length > 0 && restCount() > 0 && restCount() < min) shown = shown.slice(0, -1);
	return shown.length ? shown.map((g) => g.group) : null;
}

/**
 * Scores a round: the whole, and the respondent groups that stand apart (by `mask.groups`, or
 * by `naturalGroups`), with the rest as "overig". The mask can only show less.
 */
export function scoreRound(
	q: Questionnaire,
	context: ScanContext,
	groups: readonly GroupTally[],
	minRespondents: number,
	mask: DisplayMask = {}
): RoundScore {
	const min = effectiveMinimum(minRespondents);
	const limits = mask.items ?? {};
	const whole = scoreTally(q, context, mergeTallies('', groups), min, limits[''] ?? {});
	const labels = new Map((q.respondentGroups ?? []).map((g) => [g.id, g.label]));
	const asked = groups.filter((g) => g.respondents > 0);
	const hasGroups = asked.some((g) => g.group !== '');
	const standing = mask.groups !== undefined ? mask.groups : naturalGroups(q, groups, min);
	const shown = (standing ?? [])
		.map((id) => asked.find((g) => g.group === id))
		.filter((g): g is GroupTally => !!g && g.respondents >= min);
	const rest = asked.filter((g) => !shown.includes(g));
	const result: GroupScore[] = [];
	if (whole.disclosure !== 'hidden' && shown.length > 0) {
		for (const g of shown)
			result.push({
				group: g.group,
				label: labels.get(g.group) ?? g.group,
				...scoreTally(q, context, g, min, limits[g.group] ?? {})
			});
		if (rest.length > 0)
			result.push({
				group: OTHER_GROUP,
				label: 'Overige respondenten',
				...scoreTally(q, context, mergeTallies(OTHER_GROUP, rest), min, limits[OTHER_GROUP] ?? {})
			});
	}
	return {
		...whole,
		minRespondents: min,
		groups: result,
		groupsFolded: hasGroups && (result.length === 0 || rest.length > 0)
	};
}
