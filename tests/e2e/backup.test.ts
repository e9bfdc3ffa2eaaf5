import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { databaseWithOpenRound, startRespondent } from '../helpers/open-round';
import { postAnswer } from '../helpers/saves';
import { exited, runToExit, startBuiltServer } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

/** Litestream's Linux binary, installed from the npm registry (optionalDependencies). */
const LITESTREAM = 'node_modules/@flydotio/litestream-linux-x64/litestream';

/**
 * The restore drill as a test: back up while respondents keep saving, restore into a new place,
 * start the app on it, and find every answer acknowledged before the backup began.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 210;
const ORIGIN = `http://localhost:${PORT}`;

/**
 * The acknowledged answers (the last value per respondent and item) that `restored` lacks.
 * Respondents are told apart by their resume-code hash, which a backup keeps.
 */
function lostAnswers(
	live: string,
	restored: string,
	acknowledged: { r: number; item: string; value: number }[]
) {
	const db = new Database(live, { readonly: true });
	const who = db.prepare('select resume_hash from response order by id').pluck().all() as string[];
	db.close();
	const copy = new Database(restored, { readonly: true });
	const rows = copy
		.prepare(
			'select r.resume_hash as who, a.item_id as item, a.value as value from answer a join response r on r.id = a.response_id'
		)
		.all() as { who: string; item: string; value: number }[];
	copy.close();
	const stored = new Map(rows.map((r) => [`${r.who}:${r.item}`, r.value]));
	const expected = new Map<string, number>();
	for (const a of acknowledged) expected.set(`${who[a.r]}:${a.item}`, a.value);
	return [...expected].filter(([key, value]) => stored.get(key) !== value);
}

test('db:backup under load, db:restore into a working app with every acknowledged answer', async () => {
	test.setTimeout(90_000);
	const dir = tempDir('spo-backup-');
	const file = join(dir, 'scan.db');
	const { token, items } = databaseWithOpenRound(file);
	const server = await startBuiltServer(PORT, { DATABASE_URL: file });

	const cookies: string[] = [];
	for (let i = 0; i < 10; i++) cookies.push(await startRespondent(ORIGIN, token));
	const acknowledged: { r: number; item: string; value: number; at: number }[] = [];
	let stop = false;
	const clients = cookies.map(async (cookie, r) => {
		for (let k = 0; !stop && k < 2000; k++) {
			const item = items[k % items.length]!;
			const value = ((r + k) % 4) + 1;
			const res = await postAnswer(ORIGIN, token, cookie, item, value);
			if (res.ok) acknowledged.push({ r, item, value, at: Date.now() });
		}
	});
	while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 5));

	const began = Date.now();
	const before = acknowledged.length;
	const result = await runBackup(join(dir, 'backups', 'scan-kopie.db'), file);
	const during = acknowledged.filter((a) => a.at > began).length;
	stop = true;
	await Promise.all(clients);
	server.kill('SIGTERM');
	await exited(server);
	expect(result.code, result.output).toBe(0);
	expect(result.output).toMatch(/gecontroleerd \(integrity_check ok, \d+ migraties\)/);
	expect(during, 'saves went on while the backup ran').toBeGreaterThan(0);
	expect(before).toBeGreaterThanOrEqual(200);

	// The drill: a dry run changes nothing, then the restore, then the app on the restored file.
	const restored = join(dir, 'hersteld', 'scan.db');
	const dry = await runTsx(
		'scripts/restore.ts',
		[join(dir, 'backups', 'scan-kopie.db'), '--dry-run'],
		restored
	);
	expect(dry.code, dry.output).toBe(0);
	expect(dry.output).toContain('Proefdraai: niets veranderd');
	const real = await runTsx(
		'scripts/restore.ts',
		[join(dir, 'backups', 'scan-kopie.db')],
		restored
	);
	expect(real.code, real.output).toBe(0);

	const app = await startBuiltServer(PORT, { DATABASE_URL: restored });
	try {
		const cookie = await startRespondent(ORIGIN, token);
		expect((await postAnswer(ORIGIN, token, cookie, items[0]!, 2)).status).toBe(200);
	} finally {
		app.kill('SIGTERM');
		await exited(app);
	}
	// The last acknowledged value per respondent and item before the backup began.
	expect(
		lostAnswers(
			file,
			restored,
			acknowledged.filter((a) => a.at < began)
		)
	).toEqual([]);
});

test('Litestream with deploy/litestream.yml replicates every acknowledged answer, and restores', async () => {
	test.setTimeout(90_000);
	const dir = tempDir('spo-litestream-');
	const file = join(dir, 'scan.db');
	const replica = join(dir, 'replica');
	const { token, items } = databaseWithOpenRound(file);
	const env = { ...process.env, DATABASE_PATH: file, LITESTREAM_REPLICA: replica };
	const litestream = spawn(LITESTREAM, ['replicate', '-config', 'deploy/litestream.yml'], {
		env,
		stdio: 'ignore'
	});
	const server = await startBuiltServer(PORT, { DATABASE_URL: file });
	const acknowledged: { r: number; item: string; value: number }[] = [];
	try {
		const cookies: string[] = [];
		for (let i = 0; i < 5; i++) cookies.push(await startRespondent(ORIGIN, token));
		await Promise.all(
			cookies.map(async (cookie, r) => {
				for (const [k, item] of items.slice(0, 20).entries()) {
					const value = ((r + k) % 4) + 1;
					if ((await postAnswer(ORIGIN, token, cookie, item, value)).ok)
						acknowledged.push({ r, item, value });
				}
			})
		);
		// Litestream ships the WAL every second.
		await new Promise((r) => setTimeout(r, 3000));
	} finally {
		server.kill('SIGTERM');
		await exited(server);
		litestream.kill('SIGTERM');
		await exited(litestream);
	}
	const restored = join(dir, 'hersteld.db');
	const restore = spawn(
		LITESTREAM,
		['restore', '-config', 'deploy/litestream.yml', '-o', restored, file],
		{ env, stdio: 'ignore' }
	);
	expect(await exited(restore)).toBe(0);
	const check = await runTsx('scripts/restore.ts', [restored, '--dry-run'], join(dir, 'nieuw.db'));
	expect(check.code, check.output).toBe(0);
	expect(acknowledged).toHaveLength(100);
	expect(lostAnswers(file, restored, acknowledged)).toEqual([]);
});

function runTsx(script: string, args: string[], database: string) {
	return runToExit('node_modules/.bin/tsx', { DATABASE_URL: database }, [script, ...args]);
}

function runBackup(target: string, database: string) {
	return runTsx('scripts/backup.ts', [target], database);
}
