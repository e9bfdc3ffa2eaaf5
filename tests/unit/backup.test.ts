import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	BackupProblem,
	backupDatabase,
	checkBackup,
	restoreDatabase
} from '../../src/lib/server/db/backup';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import { swv } from '../../src/lib/server/db/schema';
import { tempDir } from '../helpers/tmp';

function database(dir: string, name = 'scan.db', code = 'PO 1') {
	const file = join(dir, name);
	const db = openDatabase(file);
	migrateDatabase(db);
	db.insert(swv).values({ code, name: code, sector: 'po' }).run();
	return { file, db };
}

describe('backup', () => {
	it('copies a database that is open and being written, and checks the copy', () => {
		const dir = tempDir();
		const { file, db } = database(dir);
		const result = backupDatabase(file, join(dir, 'backup.db'));
		db.insert(swv).values({ code: 'PO 2', name: 'later', sector: 'po' }).run();
		expect(result.counts.swv).toBe(1);
		expect(checkBackup(join(dir, 'backup.db')).counts.swv).toBe(1);
		expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
		db.$client.close();
	});

	it('never calls a 0-byte or foreign file a backup', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'leeg.db'), '');
		expect(() => checkBackup(join(dir, 'leeg.db'))).toThrow(/leeg \(0 bytes\)/);
		writeFileSync(join(dir, 'tekst.db'), 'geen database');
		expect(() => checkBackup(join(dir, 'tekst.db'))).toThrow(BackupProblem);
	});

	it('leaves no file behind when it fails', () => {
		const dir = tempDir();
		expect(() => backupDatabase(join(dir, 'er-niet.db'), join(dir, 'backup.db'))).toThrow(
			/bestaat niet/
		);
		expect(readdirSync(dir)).toEqual([]);
	});
});

describe('restore', () => {
	it('refuses while the app still has the database open', () => {
		const dir = tempDir();
		const { file: backup, db: b } = database(dir, 'backup.db');
		b.$client.close();
		const { file, db } = database(dir, 'scan.db', 'PO 9');
		expect(() => restoreDatabase(backup, file)).toThrow(/nog in gebruik .* stop de app eerst/);
		db.$client.close();
	});

	it('a dry run changes nothing; a restore keeps the replaced database beside it', () => {
		const dir = tempDir();
		const { file: backup, db: b } = database(dir, 'backup.db', 'PO 1');
		b.$client.close();
		const { file, db } = database(dir, 'scan.db', 'PO 9');
		db.$client.close();
		const now = new Date('2026-12-01T10:00:00Z');
		const plan = restoreDatabase(backup, file, { dryRun: true, now });
		expect(plan.keptAs).toBe(`${file}.voor-herstel-2026-12-01T10-00-00-000Z`);
		expect(existsSync(plan.keptAs!)).toBe(false);
		expect(checkBackup(file).counts.swv).toBe(1);

		restoreDatabase(backup, file, { now });
		const restored = openDatabase(file, { create: false });
		expect(
			restored
				.select()
				.from(swv)
				.all()
				.map((s) => s.code)
		).toEqual(['PO 1']);
		restored.$client.close();
		const kept = openDatabase(plan.keptAs!, { create: false });
		expect(
			kept
				.select()
				.from(swv)
				.all()
				.map((s) => s.code)
		).toEqual(['PO 9']);
		kept.$client.close();
	});
});
