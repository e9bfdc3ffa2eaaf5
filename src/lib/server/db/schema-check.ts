import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from './open';
import * as schema from './schema';

const tables = (Object.values(schema) as unknown[])
	.filter((value): value is SQLiteTable => value instanceof SQLiteTable)
	.map((table) => getTableConfig(table));

/**
 * Whether the database matches the code: every migration in `drizzle/` applied (and none the
 * code does not know, from a newer release), and every table and column of the schema present
 * (a migration recorded as applied whose column is missing makes every page answer 500).
 * Returns one Dutch line per problem.
 */
export function schemaProblems(db: Db, migrationsFolder = resolve('drizzle')): string[] {
	const journal = JSON.parse(
		readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')
	) as {
		entries: unknown[];
	};
	const problems: string[] = [];
	const applied = db.$client
		.prepare("select count(*) from sqlite_master where name = '__drizzle_migrations'")
		.pluck()
		.get()
		? (db.$client.prepare('select count(*) from __drizzle_migrations').pluck().get() as number)
		: 0;
	if (applied !== journal.entries.length)
		problems.push(
			`de database heeft ${applied} van de ${journal.entries.length} migraties` +
				(applied > journal.entries.length ? ' (van een nieuwere versie van de app)' : '')
		);
	for (const table of tables) {
		const present = new Set(
			(db.$client.pragma(`table_info("${table.name}")`) as { name: string }[]).map((c) => c.name)
		);
		if (!present.size) {
			problems.push(`tabel ${table.name} ontbreekt`);
			continue;
		}
		const missing = table.columns.map((c) => c.name).filter((name) => !present.has(name));
		if (missing.length) problems.push(`tabel ${table.name} mist kolom ${missing.join(', ')}`);
	}
	return problems;
}
