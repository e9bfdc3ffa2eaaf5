import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_FILE = 'data/scan.db';

/** `DATABASE_URL` may be a plain path or a `file:` URL; default `data/scan.db`. */
export function databaseFile(url = process.env.DATABASE_URL): string {
	const value = url?.trim() || DEFAULT_DATABASE_FILE;
	return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

/**
 * Opens the SQLite file with the settings the app relies on:
 * - WAL, so readers never wait for the writer;
 * - synchronous=FULL: in WAL mode every commit is fsynced before the save is acknowledged,
 *   so an answer the server confirmed survives a crash of the process *and* of the machine
 *   (NORMAL would only survive a process crash);
 * - foreign keys on, and a busy timeout so that a second process (a migration, the seed)
 *   waits instead of failing.
 */
export function openDatabase(file = databaseFile()): Db {
	if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return drizzle(sqlite, { schema }) as Db;
}

/** Applies the committed migrations in `drizzle/` (the same ones the app, the CLI and the tests run). */
export function migrateDatabase(db: Db, migrationsFolder = resolve('drizzle')): void {
	migrate(db, { migrationsFolder });
}
