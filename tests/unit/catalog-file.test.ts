import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogItems, readCatalogFile, seedCatalog } from '../../src/lib/server/catalog/catalog';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import { catalogItem } from '../../src/lib/server/db/schema';
import { loadQuestionnaires } from '../../src/lib/server/questionnaires/registry';
import { tempDir } from '../helpers/tmp';

const registry = loadQuestionnaires('questionnaires');

describe('the catalogue file', () => {
	it('is seeded into a fresh database; a later start adds new ids and never overwrites an edited item', () => {
		const { items, problems } = readCatalogFile('questionnaires/catalogus.json', registry);
		expect(problems).toEqual([]);
		const db = openDatabase(join(tempDir(), 'scan.db'));
		migrateDatabase(db);
		expect(seedCatalog(db, items.slice(1))).toBe(items.length - 1);
		expect(catalogItems(db)).toHaveLength(items.length - 1);
		db.update(catalogItem)
			.set({ title: 'Door de beheerder bewerkt' })
			.where(eq(catalogItem.id, items[1]!.id))
			.run();
		// The file gained an item since: only that one is added.
		expect(seedCatalog(db, items)).toBe(1);
		expect(seedCatalog(db, items)).toBe(0);
		const now = catalogItems(db);
		expect(now).toHaveLength(items.length);
		expect(now.find((i) => i.id === items[0]!.id)).toEqual({
			...items[0],
			recording: false,
			hidden: items[0]!.hidden ?? false
		});
		expect(now.find((i) => i.id === items[1]!.id)!.title).toBe('Door de beheerder bewerkt');
	});

	it('names file, path and problem for unknown themes, levels and duplicate ids', () => {
		const file = join(tempDir(), 'catalogus.json');
		const doc = JSON.parse(readFileSync('questionnaires/catalogus.json', 'utf8'));
		doc.items[1].id = doc.items[0].id;
		doc.items[2].themes = ['bestaat-niet'];
		doc.items[3].levels = ['expert'];
		doc.items[4].kind = 'festival';
		writeFileSync(file, JSON.stringify(doc));
		expect(readCatalogFile(file, registry).problems).toEqual([
			`${file}: items[4].kind: kies een soort aanbod`
		]);
		doc.items[4].kind = 'webinar';
		writeFileSync(file, JSON.stringify(doc));
		expect(readCatalogFile(file, registry).problems).toEqual([
			`${file}: items[1].id: dubbele id "${doc.items[0].id}"`,
			`${file}: items[2].themes[0]: onbekend thema "bestaat-niet"`,
			`${file}: items[3].levels[0]: onbekend niveau "expert"`
		]);
	});
});
