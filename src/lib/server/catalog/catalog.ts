import { readFileSync } from 'node:fs';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { catalogFileSchema, type CatalogItem } from '$lib/domain/catalog';
import { formatPath } from '$lib/domain/questionnaire/check';
import type { Db } from '../db/open';
import { catalogItem, swv } from '../db/schema';
import { audit } from '../ops/audit';
import type { QuestionnaireRegistry } from '../questionnaires/registry';

/**
 * The catalogue starts from `questionnaires/catalogus.json` (checked at start-up like the
 * questionnaires, with one line per problem) and lives in the database from the first start,
 * where admins edit it.
 */
export function readCatalogFile(
	path: string,
	registry: QuestionnaireRegistry
): { items: CatalogItem[]; problems: string[] } {
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return {
			items: [],
			problems: [`${path}: ongeldige JSON of onleesbaar: ${e instanceof Error ? e.message : e}`]
		};
	}
	const parsed = catalogFileSchema.safeParse(data, { error: z.locales.nl().localeError });
	if (!parsed.success) {
		return {
			items: [],
			problems: parsed.error.issues.map((i) => `${path}: ${formatPath(i.path)}: ${i.message}`)
		};
	}
	const themes = new Set(registry.loaded.flatMap((l) => l.questionnaire.themes.map((t) => t.id)));
	const levels = new Set(registry.loaded.flatMap((l) => l.questionnaire.levels.map((t) => t.id)));
	const seen = new Set<string>();
	const problems: string[] = [];
	parsed.data.items.forEach((item, i) => {
		if (seen.has(item.id)) problems.push(`${path}: items[${i}].id: dubbele id "${item.id}"`);
		seen.add(item.id);
		item.themes.forEach((t, k) => {
			if (!themes.has(t)) problems.push(`${path}: items[${i}].themes[${k}]: onbekend thema "${t}"`);
		});
		item.levels.forEach((l, k) => {
			if (!levels.has(l))
				problems.push(`${path}: items[${i}].levels[${k}]: onbekend niveau "${l}"`);
		});
	});
	return { items: parsed.data.items, problems };
}

/**
 * Brings the database's catalogue in line with the file, at every start: a fresh database gets
 * the whole catalogue, an existing one the items added to the file since, and the file's
 * corrections of items nobody changed in the app. An item an admin created, edited, hid or
 * showed is never overwritten. Returns how many items were added or updated.
 */
export function seedCatalog(db: Db, items: readonly CatalogItem[]): number {
	const have = new Map(
		db
			.select()
			.from(catalogItem)
			.all()
			.map((r) => [r.id, r])
	);
	const missing = items.filter((i) => !have.has(i.id));
	// An item nobody changed in the app follows the file, so corrected facts reach every
	// database; an item an admin edited, hid or showed is theirs from then on.
	const changed = items.filter((i) => {
		const row = have.get(i.id);
		if (!row || row.edited || row.swvId !== null) return false;
		const next = toRow(i);
		return (Object.keys(next) as (keyof typeof next)[]).some(
			(k) => JSON.stringify(next[k]) !== JSON.stringify(row[k])
		);
	});
	if (!missing.length && !changed.length) return 0;
	db.transaction((tx) => {
		for (const item of missing) tx.insert(catalogItem).values(toRow(item)).run();
		for (const item of changed)
			tx.update(catalogItem)
				.set({ ...toRow(item), updatedAt: new Date() })
				.where(eq(catalogItem.id, item.id))
				.run();
	});
	return missing.length + changed.length;
}

export function toRow(item: CatalogItem) {
	return {
		id: item.id,
		kind: item.kind,
		title: item.title,
		organiser: item.organiser,
		description: item.description,
		url: item.url ?? null,
		themes: item.themes,
		audience: item.audience,
		levels: item.levels,
		dateText: item.dateText,
		startsOn: item.startsOn ?? null,
		endsOn: item.endsOn ?? null,
		status: item.status,
		recording: item.recording ?? false,
		contact: item.contact ?? null,
		swvId: item.swv?.id ?? null,
		hidden: item.hidden ?? false
	};
}

/**
 * Catalogue items. `swvId`: the general items plus that SWV's own offers (what its schools
 * see); `null`: the general items only (what anyone sees); `'all'`: every item (admins).
 */
export function catalogItems(db: Db, swvIds: number | readonly number[] | null | 'all' = null) {
	const rows = db
		.select({ item: catalogItem, swvName: swv.name })
		.from(catalogItem)
		.leftJoin(swv, eq(swv.id, catalogItem.swvId))
		.where(
			swvIds === 'all'
				? undefined
				: typeof swvIds === 'number' || (Array.isArray(swvIds) && swvIds.length)
					? or(
							isNull(catalogItem.swvId),
							inArray(catalogItem.swvId, typeof swvIds === 'number' ? [swvIds] : [...swvIds])
						)
					: isNull(catalogItem.swvId)
		)
		.all();
	return rows.map(({ item: r, swvName }): CatalogItem => ({
		id: r.id,
		kind: r.kind as CatalogItem['kind'],
		title: r.title,
		organiser: r.organiser,
		description: r.description,
		url: r.url ?? undefined,
		themes: r.themes,
		audience: r.audience as CatalogItem['audience'],
		levels: r.levels,
		dateText: r.dateText ?? '',
		startsOn: r.startsOn ?? undefined,
		endsOn: r.endsOn ?? undefined,
		status: r.status,
		recording: r.recording,
		contact: r.contact ?? undefined,
		hidden: r.hidden,
		...(r.swvId !== null ? { swv: { id: r.swvId, name: swvName ?? '' } } : {})
	}));
}

export function catalogItemById(db: Db, id: string): CatalogItem | undefined {
	return catalogItems(db, 'all').find((i) => i.id === id);
}

/** Adds an item; false when its id is taken. */
export function createCatalogItem(db: Db, actorId: string, item: CatalogItem): boolean {
	if (db.select({ id: catalogItem.id }).from(catalogItem).where(eq(catalogItem.id, item.id)).get())
		return false;
	db.insert(catalogItem)
		.values({ ...toRow(item), edited: true })
		.run();
	audit(db, actorId, 'catalogus.aangemaakt', { type: 'catalogus', id: item.id });
	return true;
}

/** Saves an item's fields; its id, owner and whether it is hidden stay. */
export function updateCatalogItem(
	db: Db,
	actorId: string,
	current: CatalogItem,
	item: CatalogItem
): void {
	db.update(catalogItem)
		.set({
			...toRow({ ...item, id: current.id, hidden: current.hidden, swv: current.swv }),
			edited: true,
			updatedAt: new Date()
		})
		.where(eq(catalogItem.id, current.id))
		.run();
	audit(db, actorId, 'catalogus.gewijzigd', { type: 'catalogus', id: current.id });
}

/**
 * Hides or shows an item; false when there is no such item (or, with `swvId`, none of that
 * SWV's own offers by that id).
 */
export function setCatalogItemHidden(
	db: Db,
	actorId: string,
	id: string,
	hidden: boolean,
	swvId?: number
): boolean {
	const done = db
		.update(catalogItem)
		.set({ hidden, edited: true })
		.where(
			swvId === undefined
				? eq(catalogItem.id, id)
				: and(eq(catalogItem.id, id), eq(catalogItem.swvId, swvId))
		)
		.run();
	if (done.changes !== 1) return false;
	audit(db, actorId, hidden ? 'catalogus.verborgen' : 'catalogus.zichtbaar', {
		type: 'catalogus',
		id
	});
	return true;
}

/** A new id for an SWV's own offer, from its title: `swv-3-expertiseteam-gedrag`, unique. */
export function newSwvOfferId(db: Db, swvId: number, title: string): string {
	const slug =
		title
			.toLowerCase()
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'aanbod';
	const base = `swv-${swvId}-${slug}`;
	for (let n = 1; ; n++) {
		const id = n === 1 ? base : `${base}-${n}`;
		if (!db.select({ id: catalogItem.id }).from(catalogItem).where(eq(catalogItem.id, id)).get())
			return id;
	}
}
