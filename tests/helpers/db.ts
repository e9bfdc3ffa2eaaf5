import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '$lib/server/db/open';
import * as t from '$lib/server/db/schema';
import { tempDir } from './tmp';

/** A migrated SQLite file with one PO SWV, and a function that adds a school to it. */
export function dbWithSwv() {
	const db = openDatabase(join(tempDir(), 'scan.db'));
	migrateDatabase(db);
	const swv = db
		.insert(t.swv)
		.values({ code: 'PO2701', name: 'SWV', sector: 'po' })
		.returning()
		.get();
	const school = (code: string) =>
		db
			.insert(t.school)
			.values({
				swvId: swv.id,
				instellingscode: code,
				name: `School ${code}`,
				place: 'P',
				schoolType: 'po'
			})
			.returning()
			.get();
	return { db, swv, school };
}
