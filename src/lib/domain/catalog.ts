import { z } from 'zod';
import type { ThemeScore } from './scoring';
import type { ScanContext } from './school-type';

/**
 * The catalogue of practice examples and support offers, and the pure choice of what fits a
 * round's weakest themes, the school type and the level.
 */

export const CATALOG_KINDS = [
	'praktijkvoorbeeld',
	'bijeenkomst',
	'webinar',
	'conferentie',
	'leergemeenschap',
	'training',
	'instrument',
	'publicatie',
	'regeling',
	'dienst'
] as const;
export const CATALOG_AUDIENCES = [
	'po',
	'sbo',
	'so',
	'vso',
	'vo',
	'swv',
	'bestuur',
	'schoolleider',
	'leraar',
	'ib',
	'ouders',
	'gemeente'
] as const;
const SCHOOLISH = new Set(['po', 'sbo', 'so', 'vso', 'vo', 'swv']);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'gebruik de vorm 2026-03-18' });
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id moet kebab-case zijn' });

export const catalogItemSchema = z.strictObject({
	id,
	kind: z.enum(CATALOG_KINDS, { error: 'kies een soort aanbod' }),
	title: z.string().trim().min(3, { error: 'vul een titel in' }).max(200),
	organiser: z.string().trim().min(2, { error: 'vul de organisator in' }).max(300),
	description: z.string().trim().min(10, { error: 'vul een korte beschrijving in' }).max(2000),
	url: z.url({ protocol: /^https?$/, error: 'vul een volledige link in (https://…)' }).optional(),
	themes: z.array(id).min(1, { error: 'kies minstens één thema' }),
	audience: z.array(z.enum(CATALOG_AUDIENCES)).default([]),
	levels: z.array(id).min(1, { error: 'kies minstens één niveau' }),
	dateText: z.string().max(300).default(''),
	startsOn: isoDate.optional(),
	endsOn: isoDate.optional(),
	status: z.enum(['lopend', 'historisch', 'onbekend']),
	hidden: z.boolean().optional()
});

export const catalogFileSchema = z.strictObject({
	$comment: z.string().optional(),
	items: z.array(catalogItemSchema)
});

export type CatalogItem = z.output<typeof catalogItemSchema>;

/** How an item is offered to a school today: never a past event as if it were coming. */
export type Timing = 'aankomend' | 'lopend' | 'terugkijken' | 'inspiratie';

const EVENTS = new Set(['bijeenkomst', 'webinar', 'conferentie', 'training']);

export function timingOf(item: CatalogItem, today: string): Timing {
	if (item.startsOn && item.startsOn >= today) return 'aankomend';
	if (item.endsOn && item.endsOn >= today) return 'lopend';
	// An event with a date that has passed is over, whatever its status says.
	const pastEvent = EVENTS.has(item.kind) && !!item.startsOn;
	if (item.status === 'lopend' && !pastEvent) return 'lopend';
	return EVENTS.has(item.kind) ? 'terugkijken' : 'inspiratie';
}

export interface Recommendation {
	item: CatalogItem;
	timing: Timing;
}

export interface ThemeRecommendations {
	themeId: string;
	title: string;
	level: string;
	items: Recommendation[];
}

export interface Recommendations {
	themes: ThemeRecommendations[];
	/** Themes at the highest level: the school is invited to share its own practice. */
	share: { themeId: string; title: string }[];
}

const TIMING_ORDER: Record<Timing, number> = {
	aankomend: 0,
	lopend: 1,
	inspiratie: 2,
	terugkijken: 3
};

/** Fits the school type: named in the audience, or an audience that names no school type at all. */
function fitsContext(item: CatalogItem, context: ScanContext): boolean {
	const types = item.audience.filter((a) => SCHOOLISH.has(a));
	return types.length === 0 || types.includes(context);
}

/**
 * For the weakest scored themes (up to `themeCount`, lowest score first, those below the highest
 * level), the catalogue items that fit theme, school type and level: current offers before
 * historical ones, at most `perTheme` each. Themes at the highest level go to `share`.
 */
export function recommend(
	catalog: readonly CatalogItem[],
	themes: readonly ThemeScore[],
	context: ScanContext,
	highestLevel: string,
	today: string,
	{ themeCount = 3, perTheme = 4 } = {}
): Recommendations {
	const scored = themes.filter((t) => t.score !== null && t.level);
	const weakest = scored
		.filter((t) => t.level!.id !== highestLevel)
		.sort((a, b) => a.score! - b.score! || a.themeId.localeCompare(b.themeId))
		.slice(0, themeCount);
	return {
		themes: weakest.map((t) => ({
			themeId: t.themeId,
			title: t.title,
			level: t.level!.name,
			items: catalog
				.filter(
					(item) =>
						!item.hidden &&
						item.themes.includes(t.themeId) &&
						item.levels.includes(t.level!.id) &&
						fitsContext(item, context)
				)
				.map((item) => ({ item, timing: timingOf(item, today) }))
				.sort(
					(a, b) =>
						TIMING_ORDER[a.timing] - TIMING_ORDER[b.timing] ||
						a.item.title.localeCompare(b.item.title, 'nl')
				)
				.slice(0, perTheme)
		})),
		share: scored
			.filter((t) => t.level!.id === highestLevel)
			.map((t) => ({ themeId: t.themeId, title: t.title }))
	};
}

export const TIMING_LABELS: Record<Timing, string> = {
	aankomend: 'binnenkort',
	lopend: 'loopt',
	terugkijken: 'terugkijken',
	inspiratie: 'ter inspiratie'
};
