/**
 * The results page of a round with 40 respondents who answered every statement (52 at a po
 * school), against the production build: server time per request (one connection, so the
 * figure is the server's work plus loopback), and chart.js's share of the page's JavaScript.
 * Budget (issue 6): under 50 ms.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { databaseWithOpenRound } from '../tests/helpers/open-round';
import { startBuiltServer } from '../tests/helpers/server';

const PORT = 4193;
const ORIGIN = `http://localhost:${PORT}`;
if (!existsSync('build/index.js')) throw new Error('Eerst `npm run build`.');
const file = join(mkdtempSync(join(tmpdir(), 'spo-bench-results-')), 'scan.db');
const { items } = databaseWithOpenRound(file, 'r'.repeat(26));

// 40 respondents, every statement answered; a coordinator with a session.
const db = new Database(file);
const round = db.prepare('select id, school_id from round').get() as {
	id: number;
	school_id: number;
};
const insertResponse = db.prepare(
	'insert into response (round_id, token_hash, resume_hash, respondent_group, submitted_at) values (?, ?, ?, ?, ?)'
);
const insertAnswer = db.prepare('insert into answer values (?, ?, ?)');
db.transaction(() => {
	for (let r = 0; r < 40; r++) {
		const id = Number(
			insertResponse.run(
				round.id,
				`t${r}`,
				`c${r}`,
				['leraar', 'ib-zorgcoordinator', 'schoolleiding'][r % 3],
				Date.now()
			).lastInsertRowid
		);
		items.forEach((item, k) => insertAnswer.run(id, item, (r * 7 + k * 3) % 5));
	}
})();
db.prepare("update round set status = 'closed'").run();
const userId = randomUUID();
db.prepare("insert into user (id, email, name) values (?, 'bench@example.org', 'Bench')").run(
	userId
);
db.prepare("insert into membership (user_id, scope, school_id) values (?, 'school', ?)").run(
	userId,
	round.school_id
);
const token = 'benchtoken'.padEnd(32, 'a');
db.prepare('insert into session (id, user_id, expires_at) values (?, ?, ?)').run(
	createHash('sha256').update(token).digest('hex'),
	userId,
	Date.now() + 86_400_000
);
db.close();

const server = await startBuiltServer(PORT, { DATABASE_URL: file });
try {
	const path = `/rondes/${round.id}/resultaten`;
	const headers = { cookie: `sessie=${token}` };
	const page = await fetch(`${ORIGIN}${path}`, { headers });
	if (!page.ok) throw new Error(`resultatenpagina gaf ${page.status}`);
	const html = await page.text();
	await autocannon({ url: `${ORIGIN}${path}`, connections: 1, duration: 2, headers });
	const run = await autocannon({ url: `${ORIGIN}${path}`, connections: 1, duration: 8, headers });

	// The page's JavaScript: what it loads at start (the modulepreload list and the start-up
	// imports), plus chart.js, which the chart component imports when it draws. chart.js's chunk
	// is the one file of the build that carries its "chartjs" names.
	const named = new Set([
		...[...(page.headers.get('link') ?? '').matchAll(/<([^>]+\.js)>/g)].map((m) => m[1]!),
		...[...html.matchAll(/["']([^"']+\.js)["']/g)].map((m) => m[1]!)
	]);
	let initial = 0;
	for (const src of named)
		initial += gzipSync(await (await fetch(new URL(src, `${ORIGIN}${path}`))).text()).length;
	const dir = 'build/client/_app/immutable/chunks';
	const chart = readdirSync(dir)
		.map((f) => readFileSync(join(dir, f), 'utf8'))
		.filter((body) => body.includes('chartjs'))
		.reduce((n, body) => n + gzipSync(body).length, 0);
	const total = initial + chart;
	console.log('\nUitkomstenpagina (40 respondenten, 52 stellingen, 1 verbinding, autocannon)');
	console.log(
		`  server time p50 / p99                          ${run.latency.p50} / ${run.latency.p99} ms   ${run.latency.p50 < 50 ? 'ok (< 50 ms)' : 'TE TRAAG'}`
	);
	console.log(
		`  requests per second                            ${Math.round(run.requests.average)}`
	);
	console.log(
		`  JavaScript of the page, gzipped                 ${(total / 1024).toFixed(1)} KB (${(initial / 1024).toFixed(1)} KB at start, the rest chart.js)`
	);
	console.log(
		`  of which chart.js                               ${(chart / 1024).toFixed(1)} KB (${Math.round((chart / Math.max(total, 1)) * 100)}%)`
	);
} finally {
	server.kill('SIGTERM');
}
