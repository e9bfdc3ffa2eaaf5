import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFile, migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import { school, swv } from '../../src/lib/server/db/schema';
import { tempDir } from '../helpers/tmp';

describe('the database file', () => {
	it('is data/scan.db unless DATABASE_URL says otherwise', () => {
		expect(databaseFile(undefined)).toBe('data/scan.db');
		expect(databaseFile('file:/srv/scan.db')).toBe('/srv/scan.db');
		expect(databaseFile('/tmp/x.db')).toBe('/tmp/x.db');
	});

	it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
		const db = openDatabase(join(tempDir(), 'scan.db'));
		const pragma = (name: string) => db.$client.pragma(name, { simple: true });
		expect(pragma('journal_mode')).toBe('wal');
		expect(pragma('synchronous')).toBe(2); // FULL
		expect(pragma('foreign_keys')).toBe(1);
		expect(pragma('busy_timeout')).toBe(5000);
		db.$client.close();
	});

	it('gets every table from the committed migrations, and migrating twice changes nothing', () => {
		const file = join(tempDir(), 'scan.db');
		const db = openDatabase(file);
		migrateDatabase(db);
		migrateDatabase(db);
		const tables = db.$client
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' and name != 'sqlite_sequence' order by name"
			)
			.pluck()
			.all();
		expect(tables).toEqual([
			'action_item',
			'answer',
			'audit_event',
			'catalog_item',
			'invitation',
			'membership',
			'password_reset',
			'questionnaire_version',
			'response',
			'round',
			'round_release',
			'round_snapshot',
			'school',
			'session',
			'swv',
			'swv_norm',
			'theme_comment',
			'user'
		]);
		db.$client.close();
	});

	it('refuses a school of an unknown SWV (foreign keys are enforced)', () => {
		const db = openDatabase(join(tempDir(), 'scan.db'));
		migrateDatabase(db);
		expect(() =>
			db
				.insert(school)
				.values({ swvId: 999, instellingscode: '12AB', name: 'X', place: 'Y', schoolType: 'po' })
				.run()
		).toThrow(/FOREIGN KEY/);
		db.insert(swv).values({ code: 'PO2701', name: 'SWV', sector: 'po' }).run();
		expect(db.select().from(swv).all()).toHaveLength(1);
		db.$client.close();
	});

	it('keeps an action plan through the move to English status values', () => {
		const client = new Database(join(tempDir(), 'scan.db'));
		const run = (file: string) =>
			client.exec(
				readFileSync(join('drizzle', file), 'utf8').replaceAll('--> statement-breakpoint', '')
			);
		const files = readdirSync('drizzle')
			.filter((f) => f.endsWith('.sql'))
			.sort();
		const at = files.indexOf('0006_english_action_status.sql');
		for (const f of files.slice(0, at)) run(f);
		client.pragma('foreign_keys = OFF');
		const add = client.prepare(
			"insert into action_item (round_id, theme_id, action, owner, status) values (1, 'visie', ?, 'ib', ?)"
		);
		for (const [action, status] of [
			['a', 'gepland'],
			['b', 'bezig'],
			['c', 'klaar']
		])
			add.run(action, status);
		run(files[at]!);
		expect(client.prepare('select action, status from action_item order by action').all()).toEqual([
			{ action: 'a', status: 'planned' },
			{ action: 'b', status: 'doing' },
			{ action: 'c', status: 'done' }
		]);
		client.pragma('foreign_keys = OFF');
		client
			.prepare(
				"insert into action_item (round_id, theme_id, action, owner) values (1, 'visie', 'd', 'ib')"
			)
			.run();
		expect(client.prepare("select status from action_item where action = 'd'").pluck().get()).toBe(
			'planned'
		);
		client.close();
	});
});
