import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	catalogItems,
	readCatalogFile,
	seedCatalog,
	setCatalogItemHidden,
	updateCatalogItem
} from '../../src/lib/server/catalog/catalog';
import type { CatalogItem } from '../../src/lib/domain/catalog';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import { user } from '../../src/lib/server/db/schema';
import { loadQuestionnaires } from '../../src/lib/server/questionnaires/registry';
import { tempDir } from '../helpers/tmp';

const registry = loadQuestionnaires('questionnaires');

describe('the catalogue file', () => {
	it('is seeded into a fresh database; a later start adds new ids and the file’s corrections, but never overwrites what an admin changed', () => {
		const { items, problems } = readCatalogFile('questionnaires/catalogus.json', registry);
		expect(problems).toEqual([]);
		const db = openDatabase(join(tempDir(), 'scan.db'));
		migrateDatabase(db);
		expect(seedCatalog(db, items.slice(1))).toBe(items.length - 1);
		expect(catalogItems(db)).toHaveLength(items.length - 1);
		const [, edited, hidden, corrected] = items as [
			CatalogItem,
			CatalogItem,
			CatalogItem,
			CatalogItem
		];
		// An admin edits one item and hides another, through the app.
		db.insert(user).values({ id: 'beheerder', email: 'beheer@example.org', name: 'Beheer' }).run();
		updateCatalogItem(db, 'beheerder', edited, { ...edited, title: 'Door de beheerder bewerkt' });
		expect(setCatalogItemHidden(db, 'beheerder', hidden.id, true)).toBe(true);

		// The file gained an item and corrects three: only the untouched one follows the file.
		const next = items.map((i) =>
			[edited.id, hidden.id, corrected.id].includes(i.id)
				? { ...i, title: `${i.title} (verbeterd)`, hidden: false }
				: i
		);
		expect(seedCatalog(db, next)).toBe(2);
		expect(seedCatalog(db, next)).toBe(0);
		const now = catalogItems(db);
		expect(now).toHaveLength(items.length);
		expect(now.find((i) => i.id === items[0]!.id)).toEqual({
			...items[0],
			recording: false,
			hidden: items[0]!.hidden ?? false
		});
		expect(now.find((i) => i.id === corrected.id)!.title).toBe(`${corrected.title} (verbeterd)`);
		expect(now.find((i) => i.id === edited.id)!.title).toBe('Door de beheerder bewerkt');
		const stillHidden = now.find((i) => i.id === hidden.id)!;
		expect([stillHidden.title, stillHidden.hidden]).toEqual([hidden.title, true]);
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
