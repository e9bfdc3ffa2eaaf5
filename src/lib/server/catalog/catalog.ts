import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { catalogFileSchema, type CatalogItem } from '$lib/domain/catalog';
import { formatPath } from '$lib/domain/questionnaire/check';
import type { Db } from '../db/open';
import { catalogItem } from '../db/schema';
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

/** Fills an empty catalogue table from the file; an edited catalogue is never overwritten. */
export function seedCatalog(db: Db, items: readonly CatalogItem[]): void {
	if (db.select({ n: count() }).from(catalogItem).get()!.n > 0) return;
	db.transaction((tx) => {
		for (const item of items) tx.insert(catalogItem).values(toRow(item)).run();
	});
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
		hidden: item.hidden ?? false
	};
}

export function catalogItems(db: Db): CatalogItem[] {
	return db
		.select()
		.from(catalogItem)
		.all()
		.map((r) => ({
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
			hidden: r.hidden
		}));
}
