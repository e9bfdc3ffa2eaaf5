import type { ScanContext } from '../school-type';
import { themeSchoolTypes } from './check';
import type { Item, Level, Questionnaire, Scale, Theme } from './schema';

/** A value a respondent gave per item id. */
export type Answers = Readonly<Record<string, number>>;

export interface ThemeView {
	theme: Theme;
	items: Item[];
}

export function itemApplies(theme: Theme, item: Item, context: ScanContext): boolean {
	if (context === 'swv') return true;
	return (item.appliesTo ?? themeSchoolTypes(theme)).includes(context);
}

const viewCache = new WeakMap<Questionnaire, Map<ScanContext, readonly ThemeView[]>>();

/**
 * The themes and items a respondent in this context sees, ignoring `visibleIf`. A questionnaire
 * version never changes, so the answer is kept per version and context (scoring asks it for
 * every respondent); treat it as read-only.
 */
export function themesFor(q: Questionnaire, context: ScanContext): readonly ThemeView[] {
	let byContext = viewCache.get(q);
	if (!byContext) viewCache.set(q, (byContext = new Map()));
	let views = byContext.get(context);
	if (!views) {
		views = q.themes
			.map((theme) => ({ theme, items: theme.items.filter((i) => itemApplies(theme, i, context)) }))
			.filter((view) => view.items.length > 0);
		byContext.set(context, views);
	}
	return views;
}

export function scaleFor(q: Questionnaire, item: Item): Scale {
	const scale = q.scales.find((s) => s.id === item.scale);
	if (!scale) throw new Error(`onbekende schaal "${item.scale}" bij "${item.id}"`);
	return scale;
}

/**
 * Ids of the items that are visible for these answers: an item with `visibleIf` shows only when
 * the earlier item is itself visible and was answered with one of the listed values.
 */
export function visibleItemIds(
	q: Questionnaire,
	context: ScanContext,
	answers: Answers
): Set<string> {
	const visible = new Set<string>();
	for (const { items } of themesFor(q, context)) {
		for (const item of items) {
			const rule = item.visibleIf;
			if (!rule) visible.add(item.id);
			else if (visible.has(rule.item) && rule.in.includes(answers[rule.item] ?? NaN)) {
				visible.add(item.id);
			}
		}
	}
	return visible;
}

export interface ScaleScoring {
	/** Scored value → 0–100; the "weet ik niet" value is absent. */
	points: Map<number, number>;
	dontKnow: number | undefined;
}

/** Scored options map linearly onto 0–100 by value, lowest 0, highest 100. */
export function scaleScoring(scale: Scale): ScaleScoring {
	const scored = scale.options.filter((o) => !o.dontKnow).map((o) => o.value);
	const min = Math.min(...scored);
	const max = Math.max(...scored);
	const points = new Map(scored.map((v) => [v, ((v - min) / (max - min)) * 100]));
	return { points, dontKnow: scale.options.find((o) => o.dontKnow)?.value };
}

/** The points (0–100) of an answer, mirrored for reverse-scored items; null for "weet ik niet". */
export function itemPoints(scoring: ScaleScoring, item: Item, value: number): number | null {
	const p = scoring.points.get(value);
	if (p === undefined) return null;
	return item.reverse ? 100 - p : p;
}

export function isOnScale(scale: Scale, value: number): boolean {
	return scale.options.some((o) => o.value === value);
}

/** The level whose band holds a (rounded) score; the last band includes 100. */
export function levelFor(levels: readonly Level[], score: number): Level {
	const last = levels[levels.length - 1];
	if (!last) throw new Error('vragenlijst zonder niveaus');
	return levels.find((l) => score >= l.from && score < l.to) ?? last;
}
