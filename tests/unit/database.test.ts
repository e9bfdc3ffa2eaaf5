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
			'round_reminder',
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

	it('moves closing dates stored at 23:59:59 UTC to 23:59:59 Dutch time, in winter and summer', () => {
		const client = new Database(join(tempDir(), 'scan.db'));
		const files = readdirSync('drizzle')
			.filter((f) => f.endsWith('.sql'))
			.sort();
		const at = files.indexOf('0007_closing_dates_dutch_time.sql');
		for (const f of files.slice(0, at))
			client.exec(
				readFileSync(join('drizzle', f), 'utf8').replaceAll('--> statement-breakpoint', '')
			);
		client.pragma('foreign_keys = OFF');
		const add = client.prepare(
			"insert into round (scope, school_id, swv_id, questionnaire_id, questionnaire_version, title, status, share_token, min_respondents, opens_at, closes_at) values ('school', 1, 1, 'school-scan', 1, ?, 'open', ?, 3, 0, ?)"
		);
		const cases: [string, string, string][] = [
			['winter', '2026-12-18T23:59:59.000Z', '2026-12-18T22:59:59.000Z'],
			['summer', '2027-06-30T23:59:59.000Z', '2027-06-30T21:59:59.000Z'],
			['last winter day', '2027-03-27T23:59:59.000Z', '2027-03-27T22:59:59.000Z'],
			['first summer day', '2027-03-28T23:59:59.000Z', '2027-03-28T21:59:59.000Z'],
			['last summer day', '2027-10-30T23:59:59.000Z', '2027-10-30T21:59:59.000Z'],
			['first winter day', '2027-10-31T23:59:59.000Z', '2027-10-31T22:59:59.000Z'],
			['another moment', '2027-01-10T12:00:00.000Z', '2027-01-10T12:00:00.000Z']
		];
		for (const [title, stored] of cases) add.run(title, title, Date.parse(stored));
		client.exec(readFileSync(join('drizzle', files[at]!), 'utf8'));
		const now = client.prepare('select title, closes_at as at from round').all() as {
			title: string;
			at: number;
		}[];
		expect(now.map((r) => [r.title, new Date(r.at).toISOString()])).toEqual(
			cases.map(([title, , expected]) => [title, expected])
		);
		client.close();
	});

	it('marks the catalogue items an admin already changed, so the file leaves them alone', () => {
		const client = new Database(join(tempDir(), 'scan.db'));
		const files = readdirSync('drizzle')
			.filter((f) => f.endsWith('.sql'))
			.sort();
		const at = files.indexOf('0009_catalog_item_edited.sql');
		const run = (f: string) =>
			client.exec(
				readFileSync(join('drizzle', f), 'utf8').replaceAll('--> statement-breakpoint', '')
			);
		for (const f of files.slice(0, at)) run(f);
		const add = client.prepare(
			"insert into catalog_item (id, kind, title, organiser, description, themes, audience, levels, date_text, status) values (?, 'werkvorm', 't', 'o', 'd', '[]', '[]', '[]', '2024', 'actueel')"
		);
		for (const id of ['bewerkt', 'verborgen', 'onaangeroerd']) add.run(id);
		const log = client.prepare(
			"insert into audit_event (action, target_type, target_id) values (?, 'catalogus', ?)"
		);
		log.run('catalogus.gewijzigd', 'bewerkt');
		log.run('catalogus.verborgen', 'verborgen');
		log.run('school.gewijzigd', 'onaangeroerd');
		run(files[at]!);
		expect(client.prepare('select id, edited from catalog_item order by id').all()).toEqual([
			{ id: 'bewerkt', edited: 1 },
			{ id: 'onaangeroerd', edited: 0 },
			{ id: 'verborgen', edited: 1 }
		]);
		client.close();
	});
});
