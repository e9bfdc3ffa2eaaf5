import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { holdWriteLock } from '../helpers/lock';
import { databaseWithOpenRound, startRespondent } from '../helpers/open-round';
import { postAnswer } from '../helpers/saves';
import { exited, runToExit, startBuiltServer } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

/**
 * Running it for real: real server processes (`node build`) on real SQLite files, with real
 * second processes holding the write lock. Ports follow E2E_PORT so parallel suites do not meet.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 200;
const origin = (port: number) => `http://localhost:${port}`;

function freshRound() {
	const file = join(tempDir('spo-ops-'), 'scan.db');
	return { file, ...databaseWithOpenRound(file) };
}

function storedAnswers(file: string): number {
	const db = new Database(file, { readonly: true });
	const n = db.prepare('select count(*) from answer').pluck().get() as number;
	db.close();
	return n;
}

async function ready(port: number) {
	const res = await fetch(`${origin(port)}/readyz`);
	return { status: res.status, text: await res.text() };
}

test('the app refuses a missing database, naming its path; DATABASE_CREATE=true creates one', async () => {
	const file = join(tempDir('spo-ops-'), 'geen-volume', 'scan.db');
	const { code, output } = await runToExit('scripts/start.js', {
		PORT: String(PORT),
		DATABASE_URL: file
	});
	expect(code).toBe(1);
	expect(output).toContain(`De database ${file} bestaat niet`);
	expect(output).toContain('npm run db:migrate');
	expect(existsSync(file)).toBe(false);

	const server = await startBuiltServer(PORT, { DATABASE_URL: file, DATABASE_CREATE: 'true' });
	server.kill('SIGTERM');
	await exited(server);
	expect(existsSync(file)).toBe(true);
});

test('/readyz tells the truth: write lock, schema, disk, a deleted file; saves then answer 503', async () => {
	test.setTimeout(60_000);
	const { file, token, items } = freshRound();
	const server = await startBuiltServer(PORT, { DATABASE_URL: file });
	try {
		expect(await ready(PORT)).toEqual({ status: 200, text: 'klaar\n' });

		const { released } = await holdWriteLock(file, 1500);
		const locked = await ready(PORT);
		expect(locked.status).toBe(503);
		expect(locked.text).toMatch(/^niet klaar: .*schrijfblokkade/);
		await released;
		expect((await ready(PORT)).status).toBe(200);

		const other = new Database(file);
		other.exec('alter table catalog_item drop column url');
		expect(await ready(PORT)).toEqual({
			status: 503,
			text: 'niet klaar: de database past niet bij de app: tabel catalog_item mist kolom url\n'
		});
		other.exec('alter table catalog_item add column url text');
		other.close();
		expect((await ready(PORT)).status).toBe(200);

		const cookie = await startRespondent(origin(PORT), token);
		rmSync(file);
		expect(await ready(PORT)).toEqual({
			status: 503,
			text: `niet klaar: het databasebestand ${file} is verdwenen\n`
		});
		const save = await postAnswer(origin(PORT), token, cookie, items[0]!, 3);
		expect(save.status).toBe(503);
		expect(save.headers.get('retry-after')).toBe('5');
		expect((await save.json()).message).toMatch(/Probeer het over een paar seconden opnieuw/);
	} finally {
		server.kill('SIGKILL');
	}

	const full = freshRound();
	const disk = await startBuiltServer(PORT, { DATABASE_URL: full.file }).then(async (s) => {
		s.kill('SIGTERM');
		await exited(s);
		const tight = spawn('node', ['build'], {
			env: {
				...process.env,
				PORT: String(PORT),
				ORIGIN: origin(PORT),
				DATABASE_URL: full.file,
				READY_MIN_FREE_MB: String(1024 * 1024 * 1024)
			},
			stdio: 'ignore'
		});
		try {
			for (let i = 0; i < 100; i++) {
				const r = await ready(PORT).catch(() => null);
				if (r) return r;
				await new Promise((res) => setTimeout(res, 100));
			}
			return null;
		} finally {
			tight.kill('SIGKILL');
			await exited(tight);
		}
	});
	expect(disk?.status).toBe(503);
	expect(disk?.text).toMatch(/^niet klaar: de schijf van .* is \(bijna\) vol/);
});

test('a save waits for a second writer; past busy_timeout it answers 503 with Retry-After', async () => {
	test.setTimeout(60_000);
	const { file, token, items } = freshRound();
	const server = await startBuiltServer(PORT, { DATABASE_URL: file });
	try {
		const cookie = await startRespondent(origin(PORT), token);
		const short = await holdWriteLock(file, 1500);
		const started = Date.now();
		const waited = await postAnswer(origin(PORT), token, cookie, items[0]!, 3);
		expect(waited.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThan(1000);
		await short.released;

		const long = await holdWriteLock(file, 8000);
		const refused = await postAnswer(origin(PORT), token, cookie, items[1]!, 2);
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toBe('5');
		expect(await refused.json()).toMatchObject({
			message:
				'Er kan op dit moment niets worden opgeslagen. Probeer het over een paar seconden opnieuw.'
		});
		await long.released;
		expect((await postAnswer(origin(PORT), token, cookie, items[1]!, 2)).status).toBe(200);
	} finally {
		server.kill('SIGKILL');
	}
	expect(storedAnswers(file)).toBe(2);
});

test('two app processes on one file (an overlapping deploy): no save fails', async () => {
	test.setTimeout(60_000);
	const { file, token, items } = freshRound();
	const ports = [PORT, PORT + 1];
	const servers: Awaited<ReturnType<typeof startBuiltServer>>[] = [];
	try {
		for (const p of ports) servers.push(await startBuiltServer(p, { DATABASE_URL: file }));
		const cookies: string[] = [];
		for (let i = 0; i < 20; i++) cookies.push(await startRespondent(origin(ports[i % 2]!), token));
		const statuses: number[] = [];
		await Promise.all(
			cookies.map(async (cookie, r) => {
				for (const [k, item] of items.slice(0, 15).entries()) {
					const port = ports[(r + k) % 2]!;
					const res = await postAnswer(origin(port), token, cookie, item, ((r + k) % 4) + 1);
					statuses.push(res.status);
				}
			})
		);
		expect(statuses.filter((s) => s !== 200)).toEqual([]);
		expect(statuses).toHaveLength(300);
	} finally {
		for (const s of servers) s.kill('SIGKILL');
	}
	expect(storedAnswers(file)).toBe(300);
});

test('SIGTERM: busy keep-alive clients do not hold it up; saves finish, the database closes, the log says so', async () => {
	test.setTimeout(60_000);
	const { file, token, items } = freshRound();
	// No SHUTDOWN_TIMEOUT: adapter-node's own default (30 s) must not be what ends the process.
	const server = await startBuiltServer(PORT, { DATABASE_URL: file }, { capture: true });
	const cookies: string[] = [];
	for (let i = 0; i < 10; i++) cookies.push(await startRespondent(origin(PORT), token));
	let acknowledged = 0;
	let stopped = false;
	const clients = cookies.map(async (cookie, r) => {
		for (let k = 0; !stopped; k++) {
			try {
				const res = await postAnswer(
					origin(PORT),
					token,
					cookie,
					items[k % items.length]!,
					1 + (k % 4)
				);
				if (res.ok) acknowledged++;
			} catch {
				return; // the server has gone
			}
			if (k > 400) return;
			void r;
		}
	});
	while (acknowledged < 100) await new Promise((r) => setTimeout(r, 5));
	const signalled = Date.now();
	server.kill('SIGTERM');
	expect(await exited(server)).toBe(0);
	const took = Date.now() - signalled;
	stopped = true;
	await Promise.all(clients);
	expect(took).toBeLessThan(5000);
	const log = server.output.join('');
	expect(log).toContain('"msg":"stoppen: geen nieuwe verbindingen');
	expect(log).toContain('"msg":"gestopt: alle verzoeken beantwoord, database gesloten"');
	// Closed cleanly: the last connection checkpointed the WAL and removed it.
	expect(existsSync(`${file}-wal`)).toBe(false);
	const db = new Database(file, { readonly: true });
	const distinct = db.prepare('select count(*) from answer').pluck().get() as number;
	db.close();
	expect(distinct).toBeGreaterThan(0);

	// One JSON line per request, by route id: no token, no path.
	const lines = log
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l) as Record<string, unknown>);
	const save = lines.find((l) => l.route === '/s/[token]/antwoord');
	expect(save).toMatchObject({ level: 'info', method: 'POST', status: 200, msg: 'verzoek' });
	expect(save?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
	expect(typeof save?.ms).toBe('number');
	expect(save?.requestId).toMatch(/^[\w-]{36}$/);
	expect(lines.find((l) => l.msg === 'app gestart')).toMatchObject({ database: file });
	expect(log).not.toContain(token);
});

test('a port already in use: a Dutch message and exit 1, not "draait op" and a stack', async () => {
	const { file } = freshRound();
	const server = await startBuiltServer(PORT, { DATABASE_URL: file });
	try {
		const { code, output } = await runToExit('scripts/start.js', {
			PORT: String(PORT),
			DATABASE_URL: file
		});
		expect(code).toBe(1);
		expect(output).toContain(`poort ${PORT} is al in gebruik`);
		expect(output).toContain(`Database: ${file}`);
		expect(output).not.toContain('draait op');
		expect(output).not.toMatch(/\n\s+at /);
	} finally {
		server.kill('SIGKILL');
	}
});

test('a deactivated school collects no answers, even in a round that is still open', async () => {
	const { file, token, items } = freshRound();
	const server = await startBuiltServer(PORT, { DATABASE_URL: file });
	try {
		const cookie = await startRespondent(origin(PORT), token);
		expect((await postAnswer(origin(PORT), token, cookie, items[0]!, 3)).status).toBe(200);
		const other = new Database(file);
		other.exec('update school set active = 0');
		other.close();
		const refused = await postAnswer(origin(PORT), token, cookie, items[1]!, 3);
		expect(refused.status).toBe(410);
		expect((await refused.json()).message).toMatch(/gesloten/);
	} finally {
		server.kill('SIGKILL');
	}
	expect(storedAnswers(file)).toBe(1);
});
