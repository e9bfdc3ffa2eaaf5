import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { unflatten } from 'devalue';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
	BASE,
	E2E_DATA,
	e2eDb,
	roundWithItemAnswers,
	sessionCookie,
	VB as VB_ITEMS
} from './helpers';

/**
 * The disclosure model through the real server, as a curious coordinator and SWV would try it:
 * answers arrive one by one with views in between, the round closes, reopens, takes one more
 * response, closes again; everything a coordinator, the team link and the SWV can fetch (HTML and
 * the page data) is collected, and no single response's answer may be worked out from it.
 */

const ITEMS = ['vb-gedeelde-visie', 'vb-visie-in-praktijk', 'os-rollen-helder'];
const MIN = 3;

/** A SvelteKit page's data as the browser receives it (`__data.json`), every node unflattened. */
async function pageData(api: APIRequestContext, path: string): Promise<unknown[]> {
	const res = await api.get(`${path.replace(/\/$/, '')}/__data.json`);
	expect(res.status(), path).toBe(200);
	const body = (await res.json()) as { nodes: ({ type: string; data?: unknown[] } | null)[] };
	return body.nodes.filter((n) => n?.type === 'data').map((n) => unflatten(n!.data as never));
}

/** A page's text: tags and Svelte's markers out, white space folded. */
const text = (html: string) =>
	html
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ');

interface Seen {
	where: string;
	respondents: number | null;
	/** Per statement: the distribution (counts per value), or the mean, as shown. */
	items: Record<string, string>;
	html: string;
	data: string;
}

/** Figures of a results-like page: respondents and per statement what was shown. */
function figures(data: unknown[]): Pick<Seen, 'respondents' | 'items'> {
	const out: Pick<Seen, 'respondents' | 'items'> = { respondents: null, items: {} };
	for (const node of data) {
		const score = (
			node as { score?: { disclosure: string; respondents: number; themes: unknown[] } }
		)?.score;
		if (!score || score.disclosure === 'hidden') continue;
		out.respondents = score.respondents;
		for (const t of score.themes as {
			items: { itemId: string; mean: number | null; distribution: { count: number }[] | null }[];
		}[])
			for (const i of t.items)
				if (ITEMS.includes(i.itemId) && i.mean !== null)
					out.items[i.itemId] = i.distribution
						? i.distribution.map((d) => d.count).join(',')
						: `mean ${i.mean}`;
	}
	return out;
}

let coordinator: APIRequestContext;
let swv: APIRequestContext;
let roundId = 0;
let link = '';
const seen: Seen[] = [];
/** The answers each sent response gave, in order of sending. */
const sentAnswers: Record<string, number>[] = [];

async function signedIn(email: string) {
	const token = await sessionCookie(await playwrightRequest.newContext({ baseURL: BASE }), email);
	return playwrightRequest.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { cookie: `sessie=${token}`, origin: BASE }
	});
}

async function respond(values: number[], group: string, send = true) {
	const r = await playwrightRequest.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { origin: BASE }
	});
	const start = await r.post(`${link}?/start`, {
		form: { group },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(start.status()).toBe(303);
	for (const [k, item] of ITEMS.entries()) {
		const saved = await r.post(`${link}/antwoord`, { form: { item, value: String(values[k]) } });
		expect(saved.status(), await saved.text()).toBe(200);
	}
	if (send) {
		const done = await r.post(`${link}/controle`, {
			form: {},
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(done.status()).toBe(303);
		sentAnswers.push(Object.fromEntries(ITEMS.map((id, k) => [id, values[k]!])));
	}
	await r.dispose();
}

/** Everything the coordinator can fetch now; the team link too. */
async function look(label: string) {
	for (const path of [
		`/rondes/${roundId}/resultaten`,
		`/rondes/${roundId}/gesprek`,
		`/rondes/${roundId}`
	]) {
		const html = await (await coordinator.get(path)).text();
		const data = await pageData(coordinator, path);
		seen.push({ where: `${label} ${path}`, ...figures(data), html, data: JSON.stringify(data) });
	}
	const team = e2eDb().prepare('select results_token from round where id = ?').get(roundId) as {
		results_token: string | null;
	};
	if (team.results_token) {
		const path = `/uitkomsten/${team.results_token}`;
		const anyone = await playwrightRequest.newContext({ baseURL: BASE });
		const html = await (await anyone.get(path)).text();
		const data = await pageData(anyone, path);
		seen.push({ where: `${label} teamlink`, ...figures(data), html, data: JSON.stringify(data) });
	}
}

async function act(action: string, form: Record<string, string> = {}) {
	const res = await coordinator.post(`/rondes/${roundId}?/${action}`, {
		form,
		headers: { accept: 'application/json' }
	});
	expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	coordinator = await signedIn('school@example.org');
	swv = await signedIn('swv@example.org');
	const db = new Database(join(E2E_DATA, 'scan.db'));
	const school = db
		.prepare("select id, swv_id from school where instellingscode = '90AA'")
		.get() as { id: number; swv_id: number };
	const token = 'anon'.padEnd(26, 'a');
	roundId = Number(
		db
			.prepare(
				"insert into round (scope, school_id, swv_id, questionnaire_id, questionnaire_version, title, opens_at, status, share_token, min_respondents) values ('school', ?, ?, 'school-scan', 1, 'Anonimiteit', ?, 'open', ?, ?)"
			)
			.run(school.id, school.swv_id, Date.now(), token, MIN).lastInsertRowid
	);
	db.close();
	link = `/s/${token}`;
});

test('an open round shows participation only, counting sent responses alone', async () => {
	// The coordinator makes the team's read-only link straight away.
	const made = await coordinator.post(`/rondes/${roundId}/resultaten?/delen`, {
		form: {},
		headers: { accept: 'application/json' }
	});
	expect(made.status()).toBe(200);
	const answers = [
		[4, 4, 1],
		[1, 2, 4],
		[3, 0, 2],
		[2, 3, 3],
		[4, 1, 1]
	];
	for (const [k, values] of answers.entries()) {
		await respond(values, k === 1 ? 'ib-zorgcoordinator' : 'leraar');
		await look(`open na ${k + 1}`);
	}
	// One person begins and does not send.
	await respond([1, 1, 1], 'leraar', false);
	await look('open met een niet verstuurde');
	for (const s of seen) {
		expect(s.respondents, s.where).toBeNull();
		expect(s.data, s.where).not.toMatch(/"distribution":\[/);
		expect(s.html, s.where).not.toMatch(/Score \d+ van 100/);
	}
	const roundPage = seen.findLast((s) => s.where.endsWith(`/rondes/${roundId}`))!;
	expect(text(roundPage.html)).toContain(
		'5 vragenlijsten verstuurd; 1 begonnen maar nog niet verstuurd'
	);
	// Four teachers and one intern begeleider: the teachers alone would leave one person as
	// "overige", so no function stands apart (as in the results).
	expect(roundPage.html).not.toContain('Verstuurd per functie');
	expect(roundPage.html).not.toContain('Intern begeleider');
	expect(roundPage.html).not.toMatch(/[Bb]egonnen<\/th>/);
});

test('closing shows the sent five; one more after reopening changes nothing until the minimum is new', async () => {
	await act('sluiten');
	const first = seen.length;
	await look('gesloten bij 5');
	const shown = seen.slice(first).filter((s) => s.respondents !== null);
	expect(shown.length).toBeGreaterThan(0);
	for (const s of shown) expect(s.respondents, s.where).toBe(5);

	await act('heropenen');
	await respond([1, 4, 4], 'leraar');
	await look('heropend, 6 verstuurd');
	await act('sluiten');
	const held = seen.length;
	await look('gesloten bij 6');
	for (const s of seen.slice(held).filter((x) => x.respondents !== null))
		expect(s.respondents, s.where).toBe(5);
	const results = seen.slice(held).find((s) => s.where.endsWith('/resultaten'))!;
	expect(text(results.html)).toContain('Daarna is er 1 vragenlijst verstuurd');
	expect(text(results.html)).toContain('zodra er nog 2 bijkomen');

	await act('heropenen');
	await respond([2, 2, 2], 'leraar');
	await respond([3, 3, 0], 'leraar');
	await act('sluiten');
	const updated = seen.length;
	await look('gesloten bij 8');
	for (const s of seen.slice(updated).filter((x) => x.respondents !== null))
		expect(s.respondents, s.where).toBe(8);
});

test('the SWV sees the same figures once shared, and no view singles anyone out', async () => {
	const shared = await coordinator.post(`/rondes/${roundId}/resultaten?/vrijgeven`, {
		form: { toelichting: '' },
		headers: { accept: 'application/json' }
	});
	expect(shared.status()).toBe(200);
	const schoolId = (
		e2eDb().prepare('select school_id from round where id = ?').get(roundId) as {
			school_id: number;
		}
	).school_id;
	const swvId = (
		e2eDb().prepare('select swv_id from round where id = ?').get(roundId) as {
			swv_id: number;
		}
	).swv_id;
	const path = `/swv/${swvId}/scholen/${schoolId}`;
	const view = JSON.stringify(await pageData(swv, path));
	expect(view).toContain('"respondents":8');
	const csv = await (await swv.get(`/swv/${swvId}/export-stellingen.csv`)).text();
	const line = csv
		.split('\r\n')
		.find((l) => l.includes('Anonimiteit') && l.includes('vb-gedeelde-visie'));
	expect(line, 'export row of the round').toBeTruthy();

	// The attacker's check: every figure ever shown per statement belongs to a set of sent
	// responses; two different figures of one statement must differ by at least the minimum.
	const byItem = new Map<string, Map<string, number>>();
	for (const s of seen)
		for (const [item, figure] of Object.entries(s.items)) {
			const m = byItem.get(item) ?? new Map<string, number>();
			m.set(figure, s.respondents!);
			byItem.set(item, m);
		}
	expect([...new Set(seen.map((s) => s.respondents).filter((n) => n !== null))].sort()).toEqual([
		5, 8
	]);
	for (const [item, figures] of byItem) {
		const sizes = [...figures.values()];
		for (const a of sizes)
			for (const b of sizes) if (a !== b) expect(Math.abs(a - b), item).toBeGreaterThanOrEqual(MIN);
		// The difference between the two distributions is the three newcomers' answers together,
		// never one person's: it holds three answers.
		const dists = [...figures.keys()]
			.filter((f) => !f.startsWith('mean'))
			.map((f) => f.split(',').map(Number));
		if (dists.length === 2) {
			const diff = dists[1]!.map((x, k) => Math.abs(x - dists[0]![k]!));
			expect(
				diff.reduce((a, b) => a + b, 0),
				item
			).toBe(3);
		}
	}
	// The sixth response alone (sent between the two releases) is never a figure's difference.
	expect(sentAnswers).toHaveLength(8);
});

/** Every object in a page's data, depth first. */
function* walk(x: unknown): Generator<Record<string, unknown>> {
	if (Array.isArray(x)) for (const v of x) yield* walk(v);
	else if (x && typeof x === 'object') {
		yield x as Record<string, unknown>;
		for (const v of Object.values(x)) yield* walk(v);
	}
}

/** What a page's data may hold: a hidden statement carries nothing; groups only size and theme scores. */
function onlyShown(data: unknown[], where: string, stage: 'none' | 'means' | 'full') {
	let statements = 0;
	for (const o of walk(data)) {
		if ('itemId' in o && 'mean' in o) {
			statements++;
			if (o.mean === null)
				for (const k of ['meanOnScale', 'n', 'scored', 'dontKnowShare', 'sd', 'distribution'])
					if (k in o) expect(o[k], `${where} ${o.itemId}.${k}`).toBeNull();
			if (o.distribution === null)
				for (const k of ['n', 'scored', 'dontKnowShare', 'sd'])
					if (k in o) expect(o[k], `${where} ${o.itemId}.${k}`).toBeNull();
			if (stage !== 'full' && 'distribution' in o)
				expect(o.distribution, `${where} ${o.itemId}`).toBeNull();
		}
		if ('group' in o && 'label' in o)
			expect(Object.keys(o).sort(), `${where} groep`).toEqual([
				'group',
				'label',
				'respondents',
				'themes'
			]);
		// The SWV's view of a statement.
		if ('id' in o && 'text' in o && 'meanOnScale' in o) {
			statements++;
			if (o.mean === null) expect(o.n, `${where} ${o.id}.n`).toBeNull();
		}
	}
	if (stage === 'none') expect(statements, where).toBe(0);
	else expect(statements, where).toBeGreaterThan(0);
}

test('the page data of every results-like page holds only what the page shows, at every stage', async () => {
	const vb = (v: number, skip: string[] = []) =>
		Object.fromEntries(VB_ITEMS.filter((i) => !skip.includes(i)).map((i) => [i, v]));
	const stages: [stage: 'none' | 'means' | 'full', answers: Record<string, number>[]][] = [
		['none', [vb(4), vb(1)]],
		['means', [vb(4), vb(1), vb(3)]],
		// Eight respondents; only two answered vb-sop-actueel: that statement is hidden entirely.
		['full', [vb(4), vb(1), ...[3, 2, 4, 3, 2, 1].map((v) => vb(v, ['vb-sop-actueel']))]]
	];
	const db = new Database(join(E2E_DATA, 'scan.db'));
	for (const [stage, answers] of stages) {
		const id = roundWithItemAnswers(`Paginadata ${stage}`, answers);
		const token = `data${stage}`.padEnd(26, 'b');
		db.prepare(
			'update round set results_token = ?, released_at = ?, ever_released = 1 where id = ?'
		).run(token, Date.now(), id);
		const r = db.prepare('select school_id, swv_id from round where id = ?').get(id) as {
			school_id: number;
			swv_id: number;
		};
		const anyone = await playwrightRequest.newContext({ baseURL: BASE });
		const pages: [APIRequestContext, string][] = [
			[coordinator, `/rondes/${id}/resultaten`],
			[coordinator, `/rondes/${id}/gesprek`],
			[anyone, `/uitkomsten/${token}`],
			[swv, `/swv/${r.swv_id}/scholen/${r.school_id}`]
		];
		for (const [who, path] of pages) {
			const suffix = path.startsWith('/swv/') ? `?ronde=${id}` : '';
			const res = await who.get(`${path}/__data.json${suffix}`);
			expect(res.status(), path).toBe(200);
			const body = (await res.json()) as { nodes: ({ type: string; data?: unknown[] } | null)[] };
			const data = body.nodes
				.filter((n) => n?.type === 'data')
				.map((n) => unflatten(n!.data as never));
			onlyShown(data, `${stage} ${path}`, stage);
		}
		await anyone.dispose();
	}
	db.close();
});
