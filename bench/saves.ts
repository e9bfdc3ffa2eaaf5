/**
 * Saving answers under load, against the production build on a fresh database:
 *  1. saturation throughput of saves (many concurrent respondents) beside a trivial endpoint
 *     (/healthz) in the same run: the ratio survives a noisy machine;
 *  2. p50/p99 latency at a fixed arrival rate of 300 saves/s, two ways: autocannon's
 *     `overallRate` (50 connections, which fire their share of each second together: bursts of
 *     up to 50 saves), and an open-loop generator with independent (Poisson) arrivals, which is
 *     how 1,000 respondents answering every 3 s behave; the budget is checked on the latter;
 *  3. the gzipped JavaScript a respondent page loads (and that chart.js is not in it).
 * Tool: autocannon. Budgets (issue 5): ≥ 1,500 saves/s, p99 < 50 ms at 300/s, ≤ 60 KB JS.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { databaseWithOpenRound, startRespondent } from '../tests/helpers/open-round';
import { startBuiltServer } from '../tests/helpers/server';

const PORT = 4197;
const ORIGIN = `http://localhost:${PORT}`;
const RESPONDENTS = 400;

if (!existsSync('build/index.js')) throw new Error('Eerst `npm run build`.');
const file = join(mkdtempSync(join(tmpdir(), 'spo-bench-')), 'scan.db');
const { token, items } = databaseWithOpenRound(file, 'b'.repeat(26));
const server = await startBuiltServer(PORT, { DATABASE_URL: file });
try {
	const cookies: string[] = [];
	for (let i = 0; i < RESPONDENTS; i++) cookies.push(await startRespondent(ORIGIN, token));

	let n = 0;
	const saveRequest: autocannon.Request = {
		method: 'POST',
		path: `/s/${token}/antwoord`,
		setupRequest: (req) => {
			n++;
			const respondent = n % RESPONDENTS;
			const item = items[Math.floor(n / RESPONDENTS) % items.length]!;
			return {
				...req,
				headers: {
					origin: ORIGIN,
					accept: 'application/json',
					'content-type': 'application/x-www-form-urlencoded',
					cookie: cookies[respondent]!
				},
				body: new URLSearchParams({ item, value: String(n % 5) }).toString()
			};
		}
	};
	const run = (opts: autocannon.Options) =>
		new Promise<autocannon.Result>((resolve, reject) =>
			autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)))
		);

	// Warm-up, then the measurements.
	await run({ url: ORIGIN, connections: 10, duration: 2, requests: [saveRequest] });
	const trivial = await run({ url: `${ORIGIN}/healthz`, connections: 50, duration: 8 });
	const saturated = await run({
		url: ORIGIN,
		connections: 50,
		duration: 10,
		requests: [saveRequest]
	});
	const paced = await run({
		url: ORIGIN,
		connections: 50,
		duration: 15,
		overallRate: 300,
		requests: [saveRequest]
	});

	const poisson = await openLoop(300, 15_000, () => {
		n++;
		return {
			cookie: cookies[n % RESPONDENTS]!,
			body: new URLSearchParams({
				item: items[Math.floor(n / RESPONDENTS) % items.length]!,
				value: String(n % 5)
			}).toString()
		};
	});

	// What a respondent's theme page loads.
	const page = await fetch(`${ORIGIN}/s/${token}/thema/1`, { headers: { cookie: cookies[0]! } });
	const html = await page.text();
	if (!page.ok) throw new Error(`thema-pagina gaf ${page.status}`);
	// Every script the page loads: the modulepreload list SvelteKit sends in the Link header (the
	// entry, its chunks and this page's nodes) and the imports of the inline start-up script.
	const named = [
		...[...(page.headers.get('link') ?? '').matchAll(/<([^>]+\.js)>/g)].map((m) => m[1]!),
		...[...html.matchAll(/["']([^"']+\.js)["']/g)].map((m) => m[1]!)
	];
	const scripts = named.map((src) => new URL(src, `${ORIGIN}/s/${token}/thema/1`).href);
	let gz = 0;
	let chartjs = false;
	for (const src of new Set(scripts)) {
		const body = Buffer.from(await (await fetch(src)).arrayBuffer());
		gz += gzipSync(body).length;
		if (/chart\.js|Chart\.register|new Chart\(/.test(body.toString())) chartjs = true;
	}

	const errors = saturated.non2xx + saturated.errors;
	const rows: [string, string, string][] = [
		[
			'trivial endpoint (/healthz), 50 connections',
			`${Math.round(trivial.requests.average)} req/s`,
			''
		],
		[
			'saves at saturation, 50 connections',
			`${Math.round(saturated.requests.average)} saves/s`,
			saturated.requests.average >= 1500 ? 'ok (≥ 1500)' : 'TE LAAG (< 1500)'
		],
		[
			'ratio saves / trivial',
			(saturated.requests.average / trivial.requests.average).toFixed(3),
			''
		],
		['saves refused or failed at saturation', String(errors), errors === 0 ? 'ok' : 'FOUT'],
		[
			'300 saves/s, autocannon overallRate: p50 / p99',
			`${paced.latency.p50} / ${paced.latency.p99} ms`,
			'(50 connections fire together)'
		],
		[
			'300 saves/s, Poisson arrivals: p50 / p99',
			`${poisson.p50.toFixed(1)} / ${poisson.p99.toFixed(1)} ms`,
			poisson.p99 < 50 ? 'ok (p99 < 50 ms)' : 'TE HOOG (p99 ≥ 50 ms)'
		],
		[
			'Poisson run: saves sent, failed',
			`${poisson.sent}, ${poisson.failed}`,
			poisson.failed === 0 ? 'ok' : 'FOUT'
		],
		[
			'respondent page JavaScript, gzipped',
			`${(gz / 1024).toFixed(1)} KB in ${new Set(scripts).size} files`,
			gz <= 60 * 1024 ? 'ok (≤ 60 KB)' : 'TE GROOT'
		],
		['chart.js on the respondent page', chartjs ? 'ja' : 'nee', chartjs ? 'FOUT' : 'ok']
	];
	console.log(
		`\nOpslaan van antwoorden (autocannon, synchronous=FULL, ${RESPONDENTS} respondenten)`
	);
	for (const [what, figure, verdict] of rows)
		console.log(`  ${what.padEnd(46)} ${figure.padEnd(22)} ${verdict}`);
} finally {
	server.kill('SIGTERM');
}

/** Sends requests at independent (exponentially spaced) moments, whatever the answers take. */
async function openLoop(rate: number, ms: number, next: () => { cookie: string; body: string }) {
	const latencies: number[] = [];
	let failed = 0;
	const pending: Promise<void>[] = [];
	const start = performance.now();
	let at = start;
	while (at - start < ms) {
		at += -Math.log(1 - Math.random()) * (1000 / rate);
		const wait = at - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const { cookie, body } = next();
		const sent = performance.now();
		pending.push(
			fetch(`${ORIGIN}/s/${token}/antwoord`, {
				method: 'POST',
				body,
				headers: { origin: ORIGIN, cookie, 'content-type': 'application/x-www-form-urlencoded' }
			})
				.then(async (res) => {
					await res.arrayBuffer();
					if (!res.ok) failed++;
					latencies.push(performance.now() - sent);
				})
				.catch(() => void failed++)
		);
	}
	await Promise.all(pending);
	latencies.sort((a, b) => a - b);
	const q = (p: number) =>
		latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
	return { sent: pending.length, failed, p50: q(0.5), p99: q(0.99) };
}
