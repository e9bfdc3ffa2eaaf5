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

/**
 * Scoring: answer counts in, readiness out. The database hands over counts per item per
 * respondent group (a GROUP BY), so nothing here needs every answer row.
 *
 * - An answer scores 0–100 by its place on the scale (reverse items mirrored); "weet ik niet"
 *   scores nothing but counts towards the "onvoldoende zicht" signal.
 * - Item mean = mean points of its scored answers; theme score = weighted mean of its item means;
 *   overall = weighted mean of the theme scores. Scores are rounded to whole points and the level
 *   is read from the rounded score, so what a user sees and its level always agree.
 * - Spread = the standard deviation of the answers to an item (0–100), averaged over the theme:
 *   large spread means "beelden lopen uiteen".
 * - Staged disclosure: below the round's minimum (never under 3) nothing but the count; from the
 *   minimum, means only; from 5 respondents also distributions, shares and spread. An item mean
 *   needs as many scored answers as the minimum. Groups below the minimum fold into "overig".
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
	n: number;
	/** Answers that score. */
	scored: number;
	mean: number | null;
	/** The mean expressed on the scale's own values (e.g. 1–4), for "gemiddeld 2,7". */
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
	/** Answers given in this theme, "weet ik niet" included. */
	n: number;
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

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

function levelRef(level: Level): LevelRef {
	return { id: level.id, name: level.name, verdict: level.verdict };
}

export function effectiveMinimum(minRespondents: number): number {
	return Math.max(ABSOLUTE_MIN_RESPONDENTS, Math.floor(minRespondents));
}

export function disclosureFor(respondents: number, minRespondents: number): Disclosure {
	if (respondents < effectiveMinimum(minRespondents)) return 'hidden';
	return respondents < Math.max(DISTRIBUTION_MIN_RESPONDENTS, effectiveMinimum(minRespondents))
		? 'means'
		: 'full';
}

/**
 * Counts per-respondent answers into group tallies, keeping only answers that count: items that
 * apply to the context, are visible for that respondent's answers, with a value on the scale.
 */
export function tallyRespondents(
	q: Questionnaire,
	context: ScanContext,
	respondents: readonly Respondent[]
): GroupTally[] {
	const scales = new Map(
		themesFor(q, context).flatMap(({ items }) => items.map((i) => [i.id, scaleFor(q, i)] as const))
	);
	const groups = new Map<string, GroupTally>();
	for (const r of respondents) {
		const key = r.group ?? '';
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { group: key, respondents: 0, items: {} }));
		g.respondents++;
		const visible = visibleItemIds(q, context, r.answers);
		for (const [itemId, value] of Object.entries(r.answers)) {
			const scale = scales.get(itemId);
			if (!scale || !visible.has(itemId) || !scale.options.some((o) => o.value === value)) continue;
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

/** Scores one tally (a round, a group) under the disclosure rules. */
export function scoreTally(
	q: Questionnaire,
	context: ScanContext,
	tally: GroupTally,
	minRespondents: number
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
	const full = disclosure === 'full';
	const signals = q.signals ?? DEFAULT_SIGNALS;

	const themes: ThemeScore[] = themesFor(q, context).map(({ theme, items }) => {
		let weighted = 0;
		let weights = 0;
		let spreadSum = 0;
		let spreadWeights = 0;
		let n = 0;
		let dontKnow = 0;
		const itemScores = items.map((item): ItemScore => {
			const scale = scaleFor(q, item);
			const scoring = scaleScoring(scale);
			const dist = tally.items[item.id] ?? {};
			let count = 0;
			let scored = 0;
			let sum = 0;
			let sumSq = 0;
			for (const [valueText, c] of Object.entries(dist)) {
				const p = itemPoints(scoring, item, Number(valueText));
				count += c;
				if (p === null) continue;
				scored += c;
				sum += p * c;
				sumSq += p * p * c;
			}
			const dk = count - scored;
			n += count;
			dontKnow += dk;
			const shown = scored >= min;
			const mean = shown ? sum / scored : null;
			const sd =
				shown && mean !== null ? Math.sqrt(Math.max(0, sumSq / scored - mean * mean)) : null;
			const weight = item.weight ?? 1;
			if (mean !== null && sd !== null) {
				weighted += mean * weight;
				weights += weight;
				spreadSum += sd * weight;
				spreadWeights += weight;
			}
			const scoredValues = [...scoring.points.keys()];
			const lo = Math.min(...scoredValues);
			const hi = Math.max(...scoredValues);
			return {
				itemId: item.id,
				text: item.text,
				n: count,
				scored,
				mean: mean === null ? null : round1(mean),
				meanOnScale:
					mean === null
						? null
						: round2(lo + ((item.reverse ? 100 - mean : mean) / 100) * (hi - lo)),
				dontKnowShare: full && count > 0 ? dk / count : null,
				sd: full && sd !== null ? round1(sd) : null,
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
		const score = weights > 0 ? Math.round(weighted / weights) : null;
		const dontKnowShare = full && n > 0 ? dontKnow / n : null;
		const spread = full && spreadWeights > 0 ? round1(spreadSum / spreadWeights) : null;
		return {
			themeId: theme.id,
			title: theme.title,
			score,
			level: score === null ? null : levelRef(levelFor(q.levels, score)),
			n,
			dontKnowShare,
			spread,
			signals: {
				insufficientInsight: dontKnowShare !== null && dontKnowShare > signals.insufficientInsight,
				divergentViews: spread !== null && spread > signals.divergentViews
			},
			items: itemScores
		};
	});

	let weighted = 0;
	let weights = 0;
	for (const t of themes) {
		if (t.score === null) continue;
		const w = q.themes.find((th) => th.id === t.themeId)?.weight ?? 1;
		weighted += t.score * w;
		weights += w;
	}
	const overall = weights > 0 ? Math.round(weighted / weights) : null;
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
 * Scores a round: the whole, and each respondent group that is large enough. Small groups fold
 * into "overig"; when "overig" would itself be too small (so that its answers could be worked
 * out from the whole minus the shown groups), the smallest shown groups join it until it is
 * large enough, and if nothing would be left to compare, no groups are shown.
 */
export function scoreRound(
	q: Questionnaire,
	context: ScanContext,
	groups: readonly GroupTally[],
	minRespondents: number
): RoundScore {
	const min = effectiveMinimum(minRespondents);
	const whole = scoreTally(q, context, mergeTallies('', groups), min);
	const labels = new Map((q.respondentGroups ?? []).map((g) => [g.id, g.label]));
	const order = (q.respondentGroups ?? []).map((g) => g.id);
	const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);

	const asked = groups.filter((g) => g.respondents > 0);
	const hasGroups = asked.some((g) => g.group !== '');
	let shown = asked
		.filter((g) => g.group !== '' && g.group !== OTHER_GROUP && g.respondents >= min)
		.sort(
			(a, b) =>
				b.respondents - a.respondents ||
				rank(a.group) - rank(b.group) ||
				(a.group < b.group ? -1 : 1)
		);
	let rest = asked.filter((g) => !shown.includes(g));
	const restCount = () => rest.reduce((s, g) => s + g.respondents, 0);
	while (shown.length > 0 && restCount() > 0 && restCount() < min) {
		const smallest = shown[shown.length - 1]!;
		shown = shown.slice(0, -1);
		rest = [...rest, smallest];
	}
	const groupsFolded = hasGroups && rest.length > 0;
	const result: GroupScore[] = [];
	if (whole.disclosure !== 'hidden' && hasGroups && shown.length > 0) {
		for (const g of shown) {
			result.push({
				group: g.group,
				label: labels.get(g.group) ?? g.group,
				...scoreTally(q, context, g, min)
			});
		}
		if (rest.length > 0) {
			result.push({
				group: OTHER_GROUP,
				label: 'Overige respondenten',
				...scoreTally(q, context, mergeTallies(OTHER_GROUP, rest), min)
			});
		}
	}
	return { ...whole, minRespondents: min, groups: result, groupsFolded };
}
