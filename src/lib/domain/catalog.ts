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
	'dienst',
	'arrangement',
	'werkvorm'
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

export const CATALOG_STATUSES = ['lopend', 'historisch', 'onbekend'] as const;

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
	status: z.enum(CATALOG_STATUSES, { error: 'kies een status' }),
	/** Events: the link goes to a recording or report, so the item can be watched or read back. */
	recording: z.boolean().optional(),
	/** Whom to ask (mostly for an SWV's own offers): a name, an address or a phone number. */
	contact: z.string().trim().max(300, { error: 'contact is hoogstens 300 tekens' }).optional(),
	hidden: z.boolean().optional()
});

export const catalogFileSchema = z.strictObject({
	$comment: z.string().optional(),
	items: z.array(catalogItemSchema)
});

/**
 * An item of the catalogue. `swv` is set for an SWV's own offer: only that SWV's schools (and the
 * SWV itself) ever see it.
 */
export type CatalogItem = z.output<typeof catalogItemSchema> & {
	swv?: { id: number; name: string };
};

/**
 * How an item is offered today. Never a past event as if it were coming, never history as if it
 * were on offer:
 * - `aankomend`: starts today or later;
 * - `lopend`: running now (a current status without a past event date, or an end date ahead);
 * - `inspiratie`: an example, publication or tool whose current state is not known;
 * - `terugkijken`: over, but its recording or report is linked (a publication: the link is it);
 * - `geschiedenis`: over, and nothing to watch or read back: shown as what happened then.
 */
export type Timing = 'aankomend' | 'lopend' | 'inspiratie' | 'terugkijken' | 'geschiedenis';

const EVENTS = new Set<CatalogItem['kind']>(['bijeenkomst', 'webinar', 'conferentie', 'training']);
/** Kinds whose link is the thing itself: to follow the link is to read it. */
const DOCUMENTS = new Set<CatalogItem['kind']>([
	'praktijkvoorbeeld',
	'publicatie',
	'instrument',
	'werkvorm'
]);

export function timingOf(item: CatalogItem, today: string): Timing {
	if (item.startsOn && item.startsOn >= today) return 'aankomend';
	if (item.endsOn && item.endsOn >= today) return 'lopend';
	// An event with a date that has passed is over, whatever its status says.
	const pastEvent = EVENTS.has(item.kind) && !!item.startsOn;
	const over = item.status === 'historisch' || pastEvent || (!!item.endsOn && item.endsOn < today);
	if (!over) return item.status === 'lopend' ? 'lopend' : 'inspiratie';
	const replay = !!item.url && (DOCUMENTS.has(item.kind) || !!item.recording);
	return replay ? 'terugkijken' : 'geschiedenis';
}

/** Current: on offer now or coming. The coverage rule counts only these. */
export function isCurrent(item: CatalogItem, today: string): boolean {
	const t = timingOf(item, today);
	return !item.hidden && (t === 'aankomend' || t === 'lopend');
}

export interface Recommendation {
	item: CatalogItem;
	timing: Timing;
	/** Why this item, beyond the theme's reason: "bedoeld voor het basisonderwijs", … */
	why: string[];
}

export interface ThemeRecommendations {
	themeId: string;
	title: string;
	level: string;
	/** Why this theme gets help: "omdat Visie en beleid in ontwikkeling is". */
	reason: string;
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
	terugkijken: 3,
	geschiedenis: 4
};

const SCHOOL_TYPE_WORDS: Record<string, string> = {
	po: 'het basisonderwijs',
	sbo: 'het speciaal basisonderwijs',
	so: 'het speciaal onderwijs',
	vso: 'het voortgezet speciaal onderwijs',
	vo: 'het voortgezet onderwijs',
	swv: 'samenwerkingsverbanden'
};

/** The school types an item names; none means it is meant for every type. */
function namedTypes(item: CatalogItem): string[] {
	return item.audience.filter((a) => SCHOOLISH.has(a));
}

/** Fits the school type: named in the audience, or an audience that names no school type at all. */
export function fitsContext(item: CatalogItem, context: ScanContext): boolean {
	const types = namedTypes(item);
	return types.length === 0 || types.includes(context);
}

/** "omdat Visie en beleid in ontwikkeling is", after the level the theme reached. */
export function themeReason(title: string, levelId: string, levelName: string): string {
	switch (levelId) {
		case 'verkennen':
			return `omdat ${title} nog in de verkenningsfase is (${levelName})`;
		case 'ontwikkelen':
			return `omdat ${title} in ontwikkeling is`;
		case 'functioneren':
			return `omdat ${title} functioneert, maar nog kwetsbaar is (${levelName})`;
		default:
			return `omdat ${title} op het niveau ${levelName} staat`;
	}
}

/**
 * The order of the items for one theme: the SWV's own offers first; then what is on offer now
 * before examples, before what can be read back, before history, with a regulation (which only a
 * few schools can use) after everything but history; then items for this school type before
 * general ones, and items for fewer levels (more to the point) before broad ones.
 */
function rank(r: Recommendation, context: ScanContext): number[] {
	return [
		r.item.swv ? 0 : 1,
		// A running regulation goes after examples and what can be read back, before history.
		TIMING_ORDER[r.timing] + (r.item.kind === 'regeling' && r.timing !== 'geschiedenis' ? 2.5 : 0),
		namedTypes(r.item).includes(context) ? 0 : 1,
		r.item.levels.length
	];
}

function compareRank(a: number[], b: number[]): number {
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return 0;
}

/**
 * For the weakest scored themes (up to `themeCount`, lowest score first, those below the highest
 * level), the catalogue items that fit theme, school type and level, in the order of `rank`, at
 * most `perTheme` each, each with why it is shown. Themes at the highest level go to `share`.
 * `catalog` holds the general items and at most the own offers of the round's SWV: the caller
 * never passes another SWV's offers, and this function drops any that carry another SWV's id.
 */
export function recommend(
	catalog: readonly CatalogItem[],
	themes: readonly ThemeScore[],
	context: ScanContext,
	highestLevel: string,
	today: string,
	{ themeCount = 3, perTheme = 4, swvId = null as number | null } = {}
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
			reason: themeReason(t.title, t.level!.id, t.level!.name),
			items: catalog
				.filter(
					(item) =>
						!item.hidden &&
						(!item.swv || item.swv.id === swvId) &&
						item.themes.includes(t.themeId) &&
						item.levels.includes(t.level!.id) &&
						fitsContext(item, context)
				)
				.map((item) => ({
					item,
					timing: timingOf(item, today),
					// (An SWV's own offer is marked as such where it is shown.)
					why: [
						...(namedTypes(item).includes(context)
							? [`bedoeld voor ${SCHOOL_TYPE_WORDS[context]}`]
							: []),
						...(item.levels.length === 1 ? [`juist voor het niveau ${t.level!.name}`] : [])
					]
				}))
				.sort(
					(a, b) =>
						compareRank(rank(a, context), rank(b, context)) ||
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
	inspiratie: 'ter inspiratie',
	terugkijken: 'terugkijken of nalezen',
	geschiedenis: 'uit de geschiedenis'
};

export const KIND_LABELS: Record<CatalogItem['kind'], string> = {
	praktijkvoorbeeld: 'praktijkvoorbeeld',
	bijeenkomst: 'bijeenkomst',
	webinar: 'webinar',
	conferentie: 'conferentie',
	leergemeenschap: 'leergemeenschap',
	training: 'training',
	instrument: 'instrument',
	publicatie: 'publicatie',
	regeling: 'regeling',
	dienst: 'dienst',
	arrangement: 'arrangement',
	werkvorm: 'werkvorm voor het team'
};

export const STATUS_LABELS: Record<CatalogItem['status'], string> = {
	lopend: 'loopt',
	historisch: 'historisch',
	onbekend: 'onbekend of het nog loopt'
};

/** A cell of the coverage grid: a theme at a level below the highest, for one school type or the SWV. */
export interface CoverageCell {
	themeId: string;
	levelId: string;
	context: ScanContext;
	current: number;
}

/** At least this many current items per theme × level × school type. */
export const COVERAGE_MINIMUM = 2;

/**
 * How many current items each theme × level (below the highest) × school type has. School themes
 * count for every school type, SWV themes for the SWV; an SWV's own offers do not count (they
 * reach only its own schools).
 */
export function coverage(
	catalog: readonly CatalogItem[],
	scans: readonly {
		contexts: readonly ScanContext[];
		themes: readonly string[];
		levels: readonly string[];
	}[],
	today: string
): CoverageCell[] {
	const general = catalog.filter((i) => !i.swv && isCurrent(i, today));
	return scans.flatMap((scan) =>
		scan.themes.flatMap((themeId) =>
			scan.levels.flatMap((levelId) =>
				scan.contexts.map((context) => ({
					themeId,
					levelId,
					context,
					current: general.filter(
						(i) =>
							i.themes.includes(themeId) && i.levels.includes(levelId) && fitsContext(i, context)
					).length
				}))
			)
		)
	);
}

/** What the catalogue lists can be filtered on; every field is optional. */
export interface CatalogFilter {
	theme?: string;
	level?: string;
	status?: CatalogItem['status'];
	/** Timing today: on offer (aankomend or lopend), or one timing. */
	timing?: Timing | 'actueel';
	context?: ScanContext;
	kind?: CatalogItem['kind'];
}

export function filterCatalog(
	items: readonly CatalogItem[],
	f: CatalogFilter,
	today: string
): CatalogItem[] {
	return items.filter(
		(i) =>
			(!f.theme || i.themes.includes(f.theme)) &&
			(!f.level || i.levels.includes(f.level)) &&
			(!f.status || i.status === f.status) &&
			(!f.kind || i.kind === f.kind) &&
			(!f.context || fitsContext(i, f.context)) &&
			(!f.timing ||
				(f.timing === 'actueel' ? isCurrent(i, today) : timingOf(i, today) === f.timing))
	);
}

/**
 * The order of a browsing list: the SWV's own offers first, then by timing (current first), then
 * by title.
 */
export function browseOrder(items: readonly CatalogItem[], today: string): CatalogItem[] {
	return [...items].sort(
		(a, b) =>
			(a.swv ? 0 : 1) - (b.swv ? 0 : 1) ||
			TIMING_ORDER[timingOf(a, today)] - TIMING_ORDER[timingOf(b, today)] ||
			a.title.localeCompare(b.title, 'nl')
	);
}
