import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_FILE = 'data/scan.db';
/** How long a write waits for another writer (a second process, the migration, a backup). */
export const BUSY_TIMEOUT_MS = 5000;

/** `DATABASE_URL` may be a plain path or a `file:` URL; default `data/scan.db`. */
export function databaseFile(url = process.env.DATABASE_URL): string {
	const value = url?.trim() || DEFAULT_DATABASE_FILE;
	return value.startsWith('file:') ? value.slice('file:'.length) : value;
}

/** Refused start: the database file is not where DATABASE_URL says, and nobody asked to create it. */
export class DatabaseMissing extends Error {
	constructor(file: string) {
		super(
			`De database ${resolve(file)} bestaat niet. Controleer DATABASE_URL en of het volume is ` +
				'aangekoppeld. Een nieuwe, lege database maakt u met `npm run db:migrate` ' +
				'(of start eenmalig met DATABASE_CREATE=true).'
		);
		this.name = 'DatabaseMissing';
	}
}

interface FileIdentity {
	path: string;
	dev: number;
	ino: number;
}
const identities = new WeakMap<Db, FileIdentity>();

/**
 * Opens the SQLite file with the settings the app relies on:
 * - WAL, so readers never wait for the writer;
 * - synchronous=FULL: in WAL mode every commit is fsynced before the save is acknowledged,
 *   so an answer the server confirmed survives a crash of the process *and* of the machine
 *   (NORMAL would only survive a process crash);
 * - foreign keys on, and a busy timeout so that a second writer waits instead of failing;
 *   every drizzle transaction begins IMMEDIATE (see below).
 *
 * `create: false` refuses a missing file instead of starting on a new, empty database: a volume
 * that is not mounted must not look like "all data gone" with a green health check.
 */
export function openDatabase(file = databaseFile(), { create = true } = {}): Db {
	const memory = file === ':memory:';
	if (!memory && !create && !existsSync(file)) throw new DatabaseMissing(file);
	if (!memory) mkdirSync(dirname(resolve(file)), { recursive: true });
	const sqlite = new Database(file, { fileMustExist: !memory && !create });
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	const db = drizzle(sqlite, { schema }) as Db;
	// A DEFERRED transaction that reads first and then writes cannot wait for another writer:
	// SQLite answers SQLITE_BUSY at once instead of honouring busy_timeout. IMMEDIATE takes the
	// write lock up front, waiting for it.
	const transaction = db.transaction.bind(db);
	db.transaction = ((fn, config) =>
		transaction(fn, { behavior: 'immediate', ...config })) as typeof db.transaction;
	if (!memory) {
		const { dev, ino } = statSync(file);
		identities.set(db, { path: resolve(file), dev, ino });
	}
	return db;
}

/** Opens an existing database read-only, for tools that must not change it (checks, reports). */
export function openDatabaseReadOnly(file: string): Db {
	if (!existsSync(file)) throw new DatabaseMissing(file);
	return drizzle(new Database(file, { readonly: true, fileMustExist: true }), { schema }) as Db;
}

/**
 * Whether the open file is still the file at its path: a deleted or replaced database (a restore
 * under a running app, an operator's mistake) keeps answering from the old inode, and its writes
 * would be lost. Returns the Dutch reason, or null when all is well (or for `:memory:`).
 */
export function databaseFileProblem(db: Db): string | null {
	const identity = identities.get(db);
	if (!identity) return null;
	try {
		const { dev, ino } = statSync(identity.path);
		if (dev === identity.dev && ino === identity.ino) return null;
		return `het databasebestand ${identity.path} is vervangen sinds de start`;
	} catch {
		return `het databasebestand ${identity.path} is verdwenen`;
	}
}

export function databasePath(db: Db): string | undefined {
	return identities.get(db)?.path;
}

/**
 * Applies the committed migrations in `drizzle/` (the same ones the app, the CLI and the tests
 * run). A failing migration names its cause (drizzle's own message only shows the SQL).
 */
export function migrateDatabase(db: Db, migrationsFolder = resolve('drizzle')): void {
	try {
		migrate(db, { migrationsFolder });
	} catch (error) {
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
		const message = cause instanceof Error ? cause.message : String(cause);
		throw new Error(`Een migratie uit ${migrationsFolder} is mislukt: ${message}`, {
			cause: error
		});
	}
}
