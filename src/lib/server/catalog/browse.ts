import {
	CATALOG_KINDS,
	CATALOG_STATUSES,
	COVERAGE_MINIMUM,
	browseOrder,
	coverage,
	filterCatalog,
	timingOf,
	type CatalogFilter,
	type CatalogItem
} from '$lib/domain/catalog';
import { isoDay } from '$lib/domain/format';
import { SCHOOL_TYPES, type ScanContext } from '$lib/domain/school-type';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { catalogItems } from './catalog';
import { membershipsOf } from '../auth/access';
import type { SessionUser } from '../auth/session';
import { and, eq, inArray } from 'drizzle-orm';
import { school, swv } from '../db/schema';

export const todayInAmsterdam = () => isoDay();

/** The newest school scan and SWV scan: their themes and the levels below the highest. */
function scans(registry: QuestionnaireRegistry) {
	return ['school-scan', 'swv-scan'].flatMap((id) => {
		const q = registry.latest(id);
		if (!q) return [];
		return [
			{
				audience: q.audience,
				contexts: (q.audience === 'swv' ? ['swv'] : [...SCHOOL_TYPES]) as ScanContext[],
				themes: q.themes.map((t) => ({ id: t.id, title: t.title })),
				levels: q.levels.slice(0, -1).map((l) => ({ id: l.id, name: l.name }))
			}
		];
	});
}

/**
 * The coverage grid: per scan, per theme, per level below the highest and per school type (or
 * the SWV), how many current general items there are. `short` counts the cells below the minimum.
 */
export function coverageGrid(db: Db, registry: QuestionnaireRegistry, today: string) {
	const all = catalogItems(db);
	let short = 0;
	const grid = scans(registry).map((s) => {
		const cells = coverage(
			all,
			[
				{
					contexts: s.contexts,
					themes: s.themes.map((t) => t.id),
					levels: s.levels.map((l) => l.id)
				}
			],
			today
		);
		short += cells.filter((c) => c.current < COVERAGE_MINIMUM).length;
		return {
			audience: s.audience,
			contexts: s.contexts,
			levels: s.levels,
			themes: s.themes.map((t) => ({
				...t,
				counts: s.levels.map((l) =>
					s.contexts.map(
						(c) =>
							cells.find((x) => x.themeId === t.id && x.levelId === l.id && x.context === c)!
								.current
					)
				)
			}))
		};
	});
	return { grid, short, minimum: COVERAGE_MINIMUM };
}

/**
 * What a visitor may browse: the general items, plus the own offers of the SWVs of the schools
 * that a signed-in user coordinates, and of the SWVs they coordinate. Never another SWV's.
 */
export function browsableCatalog(db: Db, user: SessionUser | null): CatalogItem[] {
	if (!user) return catalogItems(db);
	const m = membershipsOf(db, user.id);
	const viaSchools = m.schools.size
		? db
				.select({ id: school.swvId })
				.from(school)
				.where(inArray(school.id, [...m.schools]))
				.all()
				.map((r) => r.id)
		: [];
	const candidates = [...new Set([...m.swvs, ...viaSchools])];
	// Only active SWVs: a deactivated SWV's offers reach no one.
	const active = candidates.length
		? db
				.select({ id: swv.id })
				.from(swv)
				.where(and(inArray(swv.id, candidates), eq(swv.active, true)))
				.all()
				.map((r) => r.id)
		: [];
	return catalogItems(db, active);
}

const TIMINGS = ['actueel', 'aankomend', 'lopend', 'inspiratie', 'terugkijken', 'geschiedenis'];

/**
 * Reads the filters of a catalogue list from the query (Dutch names: `thema`, `niveau`, `status`,
 * `datum`, `schooltype`, `soort`). An empty value means "all"; a value the list does not know
 * gives a Dutch message naming the filter (the caller answers 400).
 */
export function parseCatalogFilter(
	params: URLSearchParams,
	registry: QuestionnaireRegistry
): { filter: CatalogFilter } | { problem: string } {
	const s = scans(registry);
	const known: Record<string, readonly string[]> = {
		thema: s.flatMap((x) => x.themes.map((t) => t.id)),
		niveau: registry.latest('school-scan')?.levels.map((l) => l.id) ?? [],
		status: CATALOG_STATUSES,
		datum: TIMINGS,
		schooltype: [...SCHOOL_TYPES, 'swv'],
		soort: CATALOG_KINDS
	};
	const get = (k: string) => params.get(k)?.trim() || undefined;
	for (const k of Object.keys(known)) {
		const v = get(k);
		if (v !== undefined && !known[k]!.includes(v))
			return { problem: `Onbekende keuze voor het filter ${k}: kies uit de lijst.` };
	}
	return {
		filter: {
			theme: get('thema'),
			level: get('niveau'),
			status: get('status') as CatalogFilter['status'],
			timing: get('datum') as CatalogFilter['timing'],
			context: get('schooltype') as CatalogFilter['context'],
			kind: get('soort') as CatalogFilter['kind']
		}
	};
}

/** The choices of the filter forms. */
export function filterChoices(registry: QuestionnaireRegistry) {
	const s = scans(registry);
	return {
		themes: s.flatMap((x) => x.themes.map((t) => ({ ...t, scan: x.audience }))),
		levels: registry.latest('school-scan')?.levels.map((l) => ({ id: l.id, name: l.name })) ?? []
	};
}

/** The admin's list: every item (also the SWVs' own and hidden ones), filtered, with coverage. */
export function adminCatalog(db: Db, registry: QuestionnaireRegistry, filter: CatalogFilter) {
	const today = todayInAmsterdam();
	const items = filterCatalog(catalogItems(db, 'all'), filter, today)
		.sort((a, b) => a.title.localeCompare(b.title, 'nl'))
		.map((i) => ({
			id: i.id,
			title: i.title,
			kind: i.kind,
			status: i.status,
			timing: timingOf(i, today),
			dateText: i.dateText,
			hidden: !!i.hidden,
			swvName: i.swv?.name ?? null
		}));
	return { items, coverage: coverageGrid(db, registry, today) };
}

/** The public list: what is on offer (or, on request, everything shown), by theme. */
export function publicCatalog(
	db: Db,
	registry: QuestionnaireRegistry,
	user: SessionUser | null,
	filter: CatalogFilter
) {
	const today = todayInAmsterdam();
	const shown = browseOrder(
		filterCatalog(
			browsableCatalog(db, user).filter((i) => !i.hidden),
			{ ...filter, timing: filter.timing ?? 'actueel' },
			today
		),
		today
	);
	const themes = filterChoices(registry).themes.filter(
		(t) => !filter.theme || t.id === filter.theme
	);
	return {
		groups: themes
			.map((t) => ({
				theme: t,
				items: shown
					.filter((i) => i.themes.includes(t.id))
					.map((i) => ({ ...i, timing: timingOf(i, today) }))
			}))
			.filter((g) => g.items.length),
		count: shown.length
	};
}
