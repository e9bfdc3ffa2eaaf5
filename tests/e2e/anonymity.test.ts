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

test('closing shows the sent five; after reopening, fewer than five new ones change nothing', async () => {
	await act('sluiten');
	const first = seen.length;
	await look('gesloten bij 5');
	const shown = seen.slice(first).filter((s) => s.respondents !== null);
	expect(shown.length).toBeGreaterThan(0);
	for (const s of shown) expect(s.respondents, s.where).toBe(5);

	// One more, then three more: each time the five stay, with what the update waits for.
	// Five responses showed their distributions, so an update needs five new ones.
	const newcomers = [
		[[1, 4, 4]],
		[
			[2, 2, 2],
			[3, 3, 0]
		]
	];
	let sentSince = 0;
	for (const batch of newcomers) {
		await act('heropenen');
		for (const values of batch) await respond(values, 'leraar');
		sentSince += batch.length;
		await look(`heropend, ${5 + sentSince} verstuurd`);
		await act('sluiten');
		const held = seen.length;
		await look(`gesloten bij ${5 + sentSince}`);
		for (const s of seen.slice(held).filter((x) => x.respondents !== null))
			expect(s.respondents, s.where).toBe(5);
		const results = text(seen.slice(held).find((s) => s.where.endsWith('/resultaten'))!.html);
		expect(results).toContain(
			sentSince === 1
				? 'Daarna is er 1 vragenlijst verstuurd'
				: `Daarna zijn er ${sentSince} vragenlijsten verstuurd`
		);
		expect(results).toContain(`zodra er nog ${5 - sentSince} bijkomen`);
	}

	await act('heropenen');
	await respond([4, 4, 4], 'leraar');
	await respond([1, 0, 3], 'leraar');
	await act('sluiten');
	const updated = seen.length;
	await look('gesloten bij 10');
	for (const s of seen.slice(updated).filter((x) => x.respondents !== null))
		expect(s.respondents, s.where).toBe(10);
});

test('the SWV sees the same figures once shared, and no view singles anyone out', async () => {
	const shared = await coordinator.post(`/rondes/${roundId}/resultaten?/vrijgeven`, {
		form: { note: '', confirm: 'ja' },
		headers: { accept: 'application/json' }
	});
	expect(shared.status()).toBe(200);
	const { school_id: schoolId, swv_id: swvId } = e2eDb()
		.prepare('select school_id, swv_id from round where id = ?')
		.get(roundId) as { school_id: number; swv_id: number };
	const swvData = await pageData(swv, `/swv/${swvId}/scholen/${schoolId}`);
	expect(JSON.stringify(swvData)).toContain('"respondents":10');
	// The SWV's statement means are the school's own, of the same ten.
	const means = (data: unknown[], key: 'itemId' | 'id') =>
		Object.fromEntries(
			[...walk(data)]
				.filter((o) => ITEMS.includes(o[key] as string) && 'meanOnScale' in o)
				.map((o) => [o[key], o.mean])
		);
	const own = means(await pageData(coordinator, `/rondes/${roundId}/resultaten`), 'itemId');
	expect(Object.keys(own).sort()).toEqual([...ITEMS].sort());
	expect(means(swvData, 'id')).toEqual(own);
	const csv = await (await swv.get(`/swv/${swvId}/export-stellingen.csv`)).text();
	const line = csv
		.split('\r\n')
		.find((l) => l.includes('Anonimiteit') && l.includes('vb-gedeelde-visie'));
	expect(line, 'export row of the round').toContain(';vb-gedeelde-visie;');
	// Shared and shown: the round cannot take answers again, so the SWV never sees a second set.
	const again = await coordinator.post(`/rondes/${roundId}?/heropenen`, {
		form: {},
		headers: { accept: 'text/html' }
	});
	expect(again.status()).toBe(409);

	// The attacker's check. Of all figures ever shown, only two sets of responses appear: the
	// first five and all ten. Per statement the two distributions differ by exactly the answers of
	// the five newcomers together: nothing about fewer than five people can be read off.
	const bySize = new Map<number, Record<string, string>>();
	for (const s of seen)
		if (s.respondents !== null)
			bySize.set(s.respondents, { ...bySize.get(s.respondents), ...s.items });
	expect([...bySize.keys()].sort((a, b) => a - b)).toEqual([5, 10]);
	for (const item of ITEMS) {
		const before = bySize.get(5)![item]!.split(',').map(Number);
		const after = bySize.get(10)![item]!.split(',').map(Number);
		// Distribution order: Niet, Enigszins, Grotendeels, Volledig, Weet ik niet (values 1–4, 0).
		const newcomers = [1, 2, 3, 4, 0].map(
			(v) => sentAnswers.slice(5).filter((a) => a[item] === v).length
		);
		expect(
			after.map((x, k) => x - before[k]!),
			item
		).toEqual(newcomers);
		expect(newcomers.reduce((a, b) => a + b, 0)).toBe(5);
	}
	// Every look at one moment agrees with every other look at that moment (page, team link, SWV).
	for (const s of seen.filter((x) => x.respondents === 10))
		for (const [item, figure] of Object.entries(s.items))
			expect(figure, `${s.where} ${item}`).toBe(bySize.get(10)![item]);
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
		// Other schools appear only as a median with quartiles: never one school's own score.
		if ('median' in o)
			expect(Object.keys(o).sort(), `${where} vergelijking`).toEqual(['median', 'n', 'q1', 'q3']);
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
			[coordinator, `/rondes/${id}`],
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
			// The round page shows participation only, never a figure, at every stage.
			onlyShown(data, `${stage} ${path}`, path === `/rondes/${id}` ? 'none' : stage);
		}
		await anyone.dispose();
	}
	db.close();
});
