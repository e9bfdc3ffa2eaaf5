import Database from 'better-sqlite3';
import {
	closeSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Online backup and restore of the SQLite file.
 *
 * The backup is `VACUUM INTO`: one read transaction, so it sees one consistent moment while saves
 * go on in WAL mode, and it never restarts (SQLite's `.backup` restarts on every write from another
 * connection and may never finish under load). The copy is written to a temporary file beside the
 * target, checked (integrity_check, the migrations table, a row count per table), fsynced and only
 * then renamed: a killed or failed backup never leaves a file that looks like a backup.
 */

export interface BackupCheck {
	/** Rows per table, for the operator to compare with what they expect. */
	counts: Record<string, number>;
	migrations: number;
	bytes: number;
}

export class BackupProblem extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupProblem';
	}
}

function fsyncPath(path: string) {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Checks a database file as a backup: not empty, intact, migrated. Throws BackupProblem. */
export function checkBackup(file: string, migrationsFolder = resolve('drizzle')): BackupCheck {
	if (!existsSync(file)) throw new BackupProblem(`${file} bestaat niet`);
	const bytes = statSync(file).size;
	if (bytes === 0) throw new BackupProblem(`${file} is leeg (0 bytes): geen bruikbare back-up`);
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') throw new BackupProblem(`${file} is beschadigd: ${String(integrity)}`);
		const tables = db
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name"
			)
			.pluck()
			.all() as string[];
		if (!tables.includes('__drizzle_migrations'))
			throw new BackupProblem(`${file} is geen database van deze app (geen migraties)`);
		const migrations = db
			.prepare('select count(*) from __drizzle_migrations')
			.pluck()
			.get() as number;
		const known = (
			JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
				entries: unknown[];
			}
		).entries.length;
		if (migrations > known)
			throw new BackupProblem(
				`${file} komt van een nieuwere versie van de app (${migrations} migraties, deze kent er ${known})`
			);
		const counts: Record<string, number> = {};
		for (const table of tables.filter((t) => !t.startsWith('__')))
			counts[table] = db.prepare(`select count(*) from "${table}"`).pluck().get() as number;
		return { counts, migrations, bytes };
	} catch (error) {
		if (error instanceof BackupProblem) throw error;
		throw new BackupProblem(`${file} is geen leesbare database: ${(error as Error).message}`);
	} finally {
		db.close();
	}
}

/** A fresh temporary name in the target's folder (made if missing), so the rename is atomic. */
function tempBeside(target: string, suffix: string): string {
	mkdirSync(dirname(resolve(target)), { recursive: true });
	const temp = join(dirname(resolve(target)), `.${basename(target)}.${suffix}`);
	rmSync(temp, { force: true });
	return temp;
}

/** Writes `temp` to `target` for good: fsync the file, rename, fsync the folder. */
function commitFile(temp: string, target: string) {
	fsyncPath(temp);
	renameSync(temp, target);
	fsyncPath(dirname(target));
}

/** A consistent copy of `source` at `target`, checked; the previous `target` stays until then. */
export function backupDatabase(source: string, target: string): BackupCheck & { ms: number } {
	const started = performance.now();
	if (!existsSync(source)) throw new BackupProblem(`de database ${source} bestaat niet`);
	const temp = tempBeside(target, `${process.pid}.tmp`);
	try {
		const db = new Database(source, { fileMustExist: true });
		try {
			db.pragma('busy_timeout = 5000');
			db.prepare('VACUUM INTO ?').run(temp);
		} finally {
			db.close();
		}
		const check = checkBackup(temp);
		commitFile(temp, target);
		return { ...check, ms: Math.round(performance.now() - started) };
	} finally {
		rmSync(temp, { force: true });
	}
}

export interface RestorePlan extends BackupCheck {
	target: string;
	/** Where the database that is replaced is kept, or null when there is none. */
	keptAs: string | null;
}

/**
 * Puts a checked backup in place of `target`. Refuses while any process still has `target` open
 * (the app must be stopped first: a running app would go on writing to the old file). The
 * replaced database is kept beside it as `<name>.voor-herstel-<time>`. `dryRun` checks and
 * reports without changing anything.
 */
export function restoreDatabase(
	backup: string,
	target: string,
	{ dryRun = false, now = new Date() } = {}
): RestorePlan {
	const check = checkBackup(backup);
	const keptAs = existsSync(target)
		? `${target}.voor-herstel-${now.toISOString().replace(/[:.]/g, '-')}`
		: null;
	if (keptAs) assertNotInUse(target, dryRun);
	if (dryRun) return { ...check, target, keptAs };
	const temp = tempBeside(target, 'herstel.tmp');
	try {
		// A copy through SQLite (not of the bytes): the result is a whole, checked database.
		const source = new Database(backup, { readonly: true, fileMustExist: true });
		try {
			source.prepare('VACUUM INTO ?').run(temp);
		} finally {
			source.close();
		}
		checkBackup(temp);
		if (keptAs) {
			renameSync(target, keptAs);
			for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
		}
		commitFile(temp, target);
	} finally {
		rmSync(temp, { force: true });
	}
	return { ...check, target, keptAs };
}

/**
 * Leaving WAL mode needs the only connection to the file: if that fails, something (the app, a
 * backup) still has it open. It also folds the WAL into the file, so the kept copy is whole. A dry
 * run goes back to WAL (the app's mode) afterwards: the contents do not change.
 */
function assertNotInUse(target: string, dryRun: boolean) {
	const inUse = new BackupProblem(
		`${target} is nog in gebruik (draait de app nog?): stop de app eerst, herstel dan`
	);
	const db = new Database(target, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 0');
		if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse;
		if (dryRun) db.pragma('journal_mode = WAL');
	} catch (error) {
		if (error instanceof BackupProblem) throw error;
		if (String((error as { code?: string }).code).startsWith('SQLITE_BUSY')) throw inUse;
		throw new BackupProblem(`${target} kan niet worden vervangen: ${(error as Error).message}`);
	} finally {
		db.close();
	}
}
