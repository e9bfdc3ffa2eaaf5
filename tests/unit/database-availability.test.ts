import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { batchedWrite } from '../../src/lib/server/db/batch';
import {
	DatabaseMissing,
	databaseFileProblem,
	migrateDatabase,
	openDatabase
} from '../../src/lib/server/db/open';
import { schemaProblems } from '../../src/lib/server/db/schema-check';
import { swv } from '../../src/lib/server/db/schema';
import { isDatabaseUnavailable } from '../../src/lib/server/db/unavailable';
import { holdWriteLock } from '../helpers/lock';
import { tempDir } from '../helpers/tmp';

function migrated() {
	const file = join(tempDir(), 'scan.db');
	const db = openDatabase(file);
	migrateDatabase(db);
	return { file, db };
}

/** A save as the respondent's is: it reads (is the round open?) before it writes. */
const readThenWrite = (db: ReturnType<typeof migrated>['db'], code: string) => () => {
	db.get(sql`select count(*) from swv`);
	return db.insert(swv).values({ code, name: code, sector: 'po' }).run();
};

describe('writers that wait', () => {
	it('a group commit waits for another process holding the write lock, then saves', async () => {
		const { db } = migrated();
		const { released } = await holdWriteLock(db.$client.name, 800);
		const started = Date.now();
		await batchedWrite(db, readThenWrite(db, 'PO 1'));
		expect(Date.now() - started).toBeGreaterThanOrEqual(500);
		await released;
		expect(db.select().from(swv).all()).toHaveLength(1);
	});

	it('a drizzle transaction that reads then writes waits as well (IMMEDIATE)', async () => {
		const { db } = migrated();
		const { released } = await holdWriteLock(db.$client.name, 500);
		db.transaction((tx) => {
			tx.get(sql`select count(*) from swv`);
			tx.insert(swv).values({ code: 'PO 2', name: 'x', sector: 'po' }).run();
		});
		await released;
		expect(db.select().from(swv).all()).toHaveLength(1);
	});

	it('a lock held past busy_timeout rejects as "unavailable" (503), not as a bug', async () => {
		const { db } = migrated();
		db.$client.pragma('busy_timeout = 200');
		const { released } = await holdWriteLock(db.$client.name, 1500);
		const error = await batchedWrite(db, readThenWrite(db, 'PO 3')).catch((e: unknown) => e);
		expect((error as { code: string }).code).toBe('SQLITE_BUSY');
		expect(isDatabaseUnavailable(error)).toBe(true);
		await released;
	});

	it('a full disk rejects as "unavailable"', async () => {
		const { db } = migrated();
		const pages = db.$client.pragma('page_count', { simple: true }) as number;
		db.$client.pragma(`max_page_count = ${pages}`);
		const big = 'x'.repeat(200_000);
		const error = await batchedWrite(db, () =>
			db.insert(swv).values({ code: 'PO 4', name: big, sector: 'po' }).run()
		).catch((e: unknown) => e);
		expect((error as { code: string }).code).toBe('SQLITE_FULL');
		expect(isDatabaseUnavailable(error)).toBe(true);
	});
});

describe('never a silent empty database', () => {
	it('refuses a missing file unless told to create it', () => {
		const file = join(tempDir(), 'geen-volume', 'scan.db');
		expect(() => openDatabase(file, { create: false })).toThrow(DatabaseMissing);
		expect(() => openDatabase(file, { create: false })).toThrow(/bestaat niet.*db:migrate/);
		openDatabase(file, { create: true }).$client.close();
		openDatabase(file, { create: false }).$client.close();
	});

	it('a deleted or replaced file is noticed, and a save on it is refused', async () => {
		const { file, db } = migrated();
		expect(databaseFileProblem(db)).toBeNull();
		rmSync(file);
		expect(databaseFileProblem(db)).toMatch(/is verdwenen/);
		const error = await batchedWrite(db, readThenWrite(db, 'PO 5')).catch((e: unknown) => e);
		expect(isDatabaseUnavailable(error)).toBe(true);
		new Database(file).close();
		expect(databaseFileProblem(db)).toMatch(/is vervangen/);
	});

	it('notices a migration recorded as applied whose column is missing', () => {
		const { db } = migrated();
		expect(schemaProblems(db)).toEqual([]);
		db.$client.exec('alter table school drop column place');
		expect(schemaProblems(db)).toEqual(['tabel school mist kolom place']);
		db.$client.exec(
			'delete from __drizzle_migrations where rowid = (select max(rowid) from __drizzle_migrations)'
		);
		expect(schemaProblems(db)).toContainEqual(
			expect.stringMatching(/^de database heeft \d+ van de \d+ migraties$/)
		);
	});

	it('a failing migration names its cause', () => {
		const dir = tempDir();
		const db = openDatabase(join(dir, 'scan.db'));
		db.$client.exec('create table swv (id integer primary key)');
		expect(() => migrateDatabase(db)).toThrow(/migratie .* is mislukt: table `swv` already exists/);
	});
});
