import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { databaseWithOpenRound, startRespondent } from '../helpers/open-round';
import { startBuiltServer } from '../helpers/server';

/**
 * Kill -9 while answers are being saved: every answer the server acknowledged must be in the
 * database after a restart (WAL with synchronous=FULL).
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 230;
const ORIGIN = `http://localhost:${PORT}`;

test('every acknowledged answer survives a SIGKILL of the server', async () => {
	test.setTimeout(60_000);
	const file = join(mkdtempSync(join(tmpdir(), 'spo-kill-')), 'scan.db');
	const { token, items } = databaseWithOpenRound(file);

	let server = await startBuiltServer(PORT, { DATABASE_URL: file });

	// Twenty respondents, started one after another (so response ids follow their order).
	const cookies: string[] = [];
	for (let i = 0; i < 20; i++) cookies.push(await startRespondent(ORIGIN, token));

	const acknowledged: { respondent: number; item: string; value: number }[] = [];
	let stop = false;
	const respondent = async (r: number) => {
		for (const [k, item] of items.entries()) {
			if (stop) return;
			const value = ((r + k) % 4) + 1;
			try {
				const res = await fetch(`${ORIGIN}/s/${token}/antwoord`, {
					method: 'POST',
					body: new URLSearchParams({ item, value: String(value) }),
					headers: { origin: ORIGIN, cookie: cookies[r]!, accept: 'application/json' }
				});
				if (res.ok && (await res.json()).saved) acknowledged.push({ respondent: r, item, value });
			} catch {
				return; // the server is gone
			}
		}
	};
	const running = cookies.map((_, r) => respondent(r));
	while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 5));
	server.kill('SIGKILL');
	stop = true;
	await Promise.all(running);
	expect(acknowledged.length).toBeGreaterThanOrEqual(200);

	// Restart: the app opens the database again (WAL recovery) and serves.
	server = await startBuiltServer(PORT, { DATABASE_URL: file });
	server.kill('SIGTERM');

	const check = new Database(file, { readonly: true });
	const ids = check.prepare('select id from response order by id').pluck().all() as number[];
	const stored = new Map(
		(
			check.prepare('select response_id as r, item_id as i, value as v from answer').all() as {
				r: number;
				i: string;
				v: number;
			}[]
		).map((a) => [`${a.r}:${a.i}`, a.v])
	);
	check.close();
	const lost = acknowledged.filter((a) => stored.get(`${ids[a.respondent]}:${a.item}`) !== a.value);
	expect(lost).toEqual([]);
});
