import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { BASE, e2eDb, sessionCookie } from './helpers';

/**
 * The access matrix: every route (page, action, endpoint) × every kind of visitor → the status
 * they get. A route that is not in the matrix fails the test, so a new route cannot slip in
 * without deciding who may use it. Runs first (files run in name order), before any test
 * throttles a demo account.
 */

const ROLES = [
	'anoniem',
	'respondent',
	'schoolA',
	'schoolB',
	'swvA',
	'swvAnder',
	'beheerder'
] as const;
type Role = (typeof ROLES)[number];
const LOGINS: Partial<Record<Role, string>> = {
	schoolA: 'school@example.org',
	schoolB: 'school-b@example.org',
	swvA: 'swv@example.org',
	swvAnder: 'swv-vo@example.org',
	beheerder: 'beheer@example.org'
};

/** Statuses in ROLES order. */
type Row = [route: string, method: string, statuses: number[]];
const PUBLIC = [200, 200, 200, 200, 200, 200, 200];
const SIGNED_IN_ONLY = [303, 303, 200, 200, 200, 200, 200];
const ADMIN_ONLY = [303, 303, 404, 404, 404, 404, 200];
const ADMIN_ACTION = [303, 303, 404, 404, 404, 404, 400];
const SWV_ONLY = [303, 303, 404, 404, 200, 404, 404];

const MATRIX: Row[] = [
	['/', 'GET', PUBLIC],
	['/privacy', 'GET', PUBLIC],
	['/toegankelijkheid', 'GET', PUBLIC],
	// The catalogue to browse: no sign-in needed (an SWV's own offers only for its own schools).
	['/catalogus', 'GET', PUBLIC],
	['/healthz', 'GET', PUBLIC],
	['/readyz', 'GET', PUBLIC],
	['/inloggen', 'GET', [200, 200, 303, 303, 303, 303, 303]],
	// Signed in already: the page sends you on, whatever was posted.
	['/inloggen', 'default', [400, 400, 303, 303, 303, 303, 303]],
	['/wachtwoord-vergeten', 'GET', PUBLIC],
	['/wachtwoord-vergeten', 'default', [400, 400, 400, 400, 400, 400, 400]],
	['/wachtwoord-herstellen/[token]', 'GET', [410, 410, 410, 410, 410, 410, 410]],
	['/wachtwoord-herstellen/[token]', 'default', [410, 410, 410, 410, 410, 410, 410]],
	['/uitnodigingen/[token]', 'GET', [404, 404, 404, 404, 404, 404, 404]],
	['/uitnodigingen/[token]', 'aannemen', [404, 404, 404, 404, 404, 404, 404]],
	['/uitnodigingen/[token]', 'aanmaken', [404, 404, 404, 404, 404, 404, 404]],
	['/account', 'GET', SIGNED_IN_ONLY],
	['/account', 'naam', [303, 303, 400, 400, 400, 400, 400]],
	['/account', 'wachtwoord', [303, 303, 400, 400, 400, 400, 400]],
	['/overzicht', 'GET', SIGNED_IN_ONLY],
	// School A: its own coordinator, the coordinator of its SWV and admins oversee it.
	['/scholen/[id]', 'GET', [303, 303, 200, 404, 200, 404, 200]],
	['/scholen/[id]', 'uitnodigen', [303, 303, 400, 404, 400, 404, 400]],
	['/scholen/[id]', 'ronde', [303, 303, 400, 404, 404, 404, 404]],
	// Who may act for school A: its SWV and admins look on; only the school (and admins) remove.
	['/scholen/[id]/coordinatoren', 'GET', [303, 303, 200, 404, 200, 404, 200]],
	['/scholen/[id]/coordinatoren', 'verwijderen', [303, 303, 400, 404, 403, 404, 400]],
	['/scholen/[id]/coordinatoren', 'intrekken', [303, 303, 400, 404, 400, 404, 400]],
	['/swv/[id]/coordinatoren', 'GET', SWV_ONLY],
	['/swv/[id]/coordinatoren', 'verwijderen', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]/coordinatoren', 'intrekken', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]', 'GET', [303, 303, 404, 404, 200, 404, 404]],
	['/swv/[id]', 'uitnodigen', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]', 'eigen-ronde', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]', 'ronde-scholen', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]/scholen', 'GET', SWV_ONLY],
	['/swv/[id]/scholen/[school]', 'GET', SWV_ONLY],
	['/swv/[id]/gereedheid', 'GET', SWV_ONLY],
	['/swv/[id]/norm', 'GET', SWV_ONLY],
	['/swv/[id]/norm', 'default', [303, 303, 404, 404, 400, 404, 404]],
	// The SWV's own offers: its coordinators only; the offer is SWV A's demo offer.
	['/swv/[id]/aanbod', 'GET', SWV_ONLY],
	['/swv/[id]/aanbod', 'aanmaken', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]/aanbod', 'zichtbaarheid', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]/aanbod/[aanbod]', 'GET', SWV_ONLY],
	['/swv/[id]/aanbod/[aanbod]', 'bewerken', [303, 303, 404, 404, 400, 404, 404]],
	['/swv/[id]/export-themas.csv', 'GET', SWV_ONLY],
	['/swv/[id]/export-stellingen.csv', 'GET', SWV_ONLY],
	['/swv/[id]/export.xlsx', 'GET', SWV_ONLY],
	['/swv/[id]/rapport.pdf', 'GET', SWV_ONLY],
	['/swv/[id]/bestuursrapportage.pdf', 'GET', SWV_ONLY],
	// What the SWV sees of school A, for the school's own coordinators.
	['/scholen/[id]/gedeeld', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	// A finished round of school A: only its coordinators manage it.
	['/rondes/[id]', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]', 'sluiten', [303, 303, 409, 404, 404, 404, 404]],
	['/rondes/[id]', 'heropenen', [303, 303, 409, 404, 404, 404, 404]],
	['/rondes/[id]', 'verlengen', [303, 303, 400, 404, 404, 404, 404]],
	['/rondes/[id]', 'verwijderen', [303, 303, 400, 404, 404, 404, 404]],
	// Team size and reminders: the round's own coordinators; an empty form is refused (400).
	['/rondes/[id]', 'teamgrootte', [303, 303, 400, 404, 404, 404, 404]],
	['/rondes/[id]', 'herinnering', [303, 303, 400, 404, 404, 404, 404]],
	['/rondes/[id]', 'herinnering-stoppen', [303, 303, 400, 404, 404, 404, 404]],
	['/rondes/[id]/qr.svg', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]/rapport.pdf', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]/resultaten', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]/resultaten', 'delen', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]/resultaten', 'intrekken', [303, 303, 200, 404, 404, 404, 404]],
	// Releasing an already released round keeps it released (an empty explanation is allowed).
	['/rondes/[id]/resultaten', 'vrijgeven', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]/resultaten', 'delen-stoppen', [303, 303, 400, 404, 404, 404, 404]],
	// No read-only link exists for a guessed token.
	['/uitkomsten/[token]', 'GET', [404, 404, 404, 404, 404, 404, 404]],
	['/rondes/[id]/gesprek', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]/actieplan', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	['/rondes/[id]/actieplan', 'toevoegen', [303, 303, 400, 404, 404, 404, 404]],
	['/rondes/[id]/actieplan', 'status', [303, 303, 400, 404, 404, 404, 404]],
	['/rondes/[id]/actieplan', 'verwijderen', [303, 303, 400, 404, 404, 404, 404]],
	['/rondes/[id]/uitnodiging', 'GET', [303, 303, 200, 404, 404, 404, 404]],
	['/voorbeeld/[questionnaire]/[version]', 'GET', SIGNED_IN_ONLY],
	// The respondent pages of that closed round: anyone with the link, nothing accepted.
	['/s/[token]', 'GET', PUBLIC],
	['/s/[token]', 'start', [410, 410, 410, 410, 410, 410, 410]],
	['/s/[token]', 'hervatten', [410, 410, 410, 410, 410, 410, 410]],
	['/s/[token]/thema/[n]', 'GET', [303, 303, 303, 303, 303, 303, 303]],
	// A post to a closed round stores nothing and sends the respondent to the page that says so.
	['/s/[token]/thema/[n]', 'default', [303, 303, 303, 303, 303, 303, 303]],
	['/s/[token]/antwoord', 'POST', [410, 410, 410, 410, 410, 410, 410]],
	['/s/[token]/controle', 'GET', [303, 303, 303, 303, 303, 303, 303]],
	['/s/[token]/controle', 'default', [303, 303, 303, 303, 303, 303, 303]],
	['/s/[token]/klaar', 'GET', PUBLIC],
	['/beheer', 'GET', ADMIN_ONLY],
	['/beheer/swv', 'GET', ADMIN_ONLY],
	['/beheer/swv', 'aanmaken', ADMIN_ACTION],
	['/beheer/swv/[id]', 'GET', ADMIN_ONLY],
	['/beheer/swv/[id]', 'bewerken', ADMIN_ACTION],
	['/beheer/swv/[id]', 'status', ADMIN_ACTION],
	['/beheer/swv/[id]', 'school', ADMIN_ACTION],
	['/beheer/swv/[id]', 'uitnodigen', ADMIN_ACTION],
	['/beheer/swv/[id]', 'verwijderen', ADMIN_ACTION],
	['/beheer/scholen/[id]', 'GET', ADMIN_ONLY],
	['/beheer/scholen/[id]', 'bewerken', ADMIN_ACTION],
	['/beheer/scholen/[id]', 'status', ADMIN_ACTION],
	['/beheer/scholen/[id]', 'verwijderen', ADMIN_ACTION],
	['/beheer/import', 'GET', ADMIN_ONLY],
	['/beheer/import', 'controleren', ADMIN_ACTION],
	['/beheer/import', 'importeren', ADMIN_ACTION],
	['/beheer/catalogus', 'GET', ADMIN_ONLY],
	['/beheer/catalogus', 'aanmaken', ADMIN_ACTION],
	['/beheer/catalogus', 'zichtbaarheid', ADMIN_ACTION],
	['/beheer/catalogus/[id]', 'GET', ADMIN_ONLY],
	['/beheer/catalogus/[id]', 'bewerken', ADMIN_ACTION],
	['/beheer/accounts', 'GET', ADMIN_ONLY],
	['/beheer/accounts', 'status', ADMIN_ACTION],
	['/beheer/accounts', 'rolintrekken', ADMIN_ACTION],
	['/beheer/accounts', 'opnieuw', ADMIN_ACTION],
	['/beheer/accounts', 'intrekken', ADMIN_ACTION],
	['/beheer/audit', 'GET', ADMIN_ONLY],
	// Last: a new link changes the round (harmless here), and signing out ends the session.
	['/rondes/[id]', 'nieuwe-link', [303, 303, 200, 404, 404, 404, 404]],
	['/uitloggen', 'GET', [303, 303, 303, 303, 303, 303, 303]],
	['/uitloggen', 'default', [303, 303, 303, 303, 303, 303, 303]]
];

/** Every page, endpoint and form action in src/routes. */
function discoverRoutes(): [string, string][] {
	const found: [string, string][] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
		}
		const route = '/' + relative('src/routes', dir).split('\\').join('/');
		const id = route === '/' ? '/' : route.replace(/\/$/, '');
		const files = readdirSync(dir);
		if (files.includes('+page.svelte') || files.includes('+page.server.ts'))
			found.push([id, 'GET']);
		if (files.includes('+server.ts')) {
			const src = readFileSync(join(dir, '+server.ts'), 'utf8');
			for (const m of src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
				found.push([id, m[1]!]);
		}
		if (files.includes('+page.server.ts')) {
			const src = readFileSync(join(dir, '+page.server.ts'), 'utf8');
			const actions = src.split('export const actions')[1] ?? '';
			// Action names as the project writes them: `sluiten:` and `'nieuwe-link':` alike.
			for (const m of actions.matchAll(/^\t(?:'([\w-]+)'|(\w+)):/gm))
				found.push([id, (m[1] ?? m[2])!]);
		}
	};
	walk('src/routes');
	return found;
}

test('every route is in the access matrix', () => {
	const known = new Set(MATRIX.map(([r, m]) => `${m} ${r}`));
	const missing = discoverRoutes()
		.map(([r, m]) => `${m} ${r}`)
		.filter((k) => !known.has(k));
	expect(missing, 'routes without a row in the access matrix').toEqual([]);
	// And no row for a route or action that no longer exists.
	const discovered = new Set(discoverRoutes().map(([r, m]) => `${m} ${r}`));
	expect(
		[...known].filter((k) => !discovered.has(k)),
		'rows without a route'
	).toEqual([]);
	// The discovery itself finds hyphenated actions (the project's naming style).
	expect(discovered).toContain('nieuwe-link /rondes/[id]');
});

/** The URL to try for each route with a parameter: school A, its SWV and its latest round. */
function concreteUrls(db: ReturnType<typeof e2eDb>): Record<string, string> {
	const id = (sql: string) => db.prepare(sql).pluck().get() as number;
	const schoolA = id("select id from school where instellingscode = '90AA'");
	const swvA = id("select id from swv where code = 'PO2799'");
	const roundA = id(
		`select id from round where school_id = ${schoolA} and companion_of_round_id is null order by opens_at desc limit 1`
	);
	const token = db
		.prepare(`select share_token from round where id = ${roundA}`)
		.pluck()
		.get() as string;
	return {
		'/scholen/[id]': `/scholen/${schoolA}`,
		'/scholen/[id]/coordinatoren': `/scholen/${schoolA}/coordinatoren`,
		'/swv/[id]/coordinatoren': `/swv/${swvA}/coordinatoren`,
		'/swv/[id]': `/swv/${swvA}`,
		'/swv/[id]/scholen': `/swv/${swvA}/scholen`,
		'/swv/[id]/scholen/[school]': `/swv/${swvA}/scholen/${schoolA}`,
		'/swv/[id]/gereedheid': `/swv/${swvA}/gereedheid`,
		'/swv/[id]/norm': `/swv/${swvA}/norm`,
		'/swv/[id]/aanbod': `/swv/${swvA}/aanbod`,
		'/swv/[id]/aanbod/[aanbod]': `/swv/${swvA}/aanbod/demo-po-lindewaard-expertiseteam`,
		'/swv/[id]/export-themas.csv': `/swv/${swvA}/export-themas.csv`,
		'/swv/[id]/export-stellingen.csv': `/swv/${swvA}/export-stellingen.csv`,
		'/swv/[id]/export.xlsx': `/swv/${swvA}/export.xlsx`,
		'/swv/[id]/rapport.pdf': `/swv/${swvA}/rapport.pdf`,
		'/swv/[id]/bestuursrapportage.pdf': `/swv/${swvA}/bestuursrapportage.pdf`,
		'/scholen/[id]/gedeeld': `/scholen/${schoolA}/gedeeld`,
		'/beheer/swv/[id]': `/beheer/swv/${swvA}`,
		'/beheer/scholen/[id]': `/beheer/scholen/${schoolA}`,
		'/beheer/catalogus/[id]': '/beheer/catalogus/poraad-bijeenkomsten-opp',
		'/wachtwoord-herstellen/[token]': `/wachtwoord-herstellen/${'a'.repeat(32)}`,
		'/uitnodigingen/[token]': `/uitnodigingen/${'b'.repeat(32)}`,
		'/rondes/[id]': `/rondes/${roundA}`,
		'/rondes/[id]/qr.svg': `/rondes/${roundA}/qr.svg`,
		'/rondes/[id]/rapport.pdf': `/rondes/${roundA}/rapport.pdf`,
		'/rondes/[id]/resultaten': `/rondes/${roundA}/resultaten`,
		'/rondes/[id]/gesprek': `/rondes/${roundA}/gesprek`,
		'/uitkomsten/[token]': `/uitkomsten/${'c'.repeat(26)}`,
		'/rondes/[id]/actieplan': `/rondes/${roundA}/actieplan`,
		'/rondes/[id]/uitnodiging': `/rondes/${roundA}/uitnodiging`,
		'/voorbeeld/[questionnaire]/[version]': '/voorbeeld/school-scan/1',
		'/s/[token]': `/s/${token}`,
		'/s/[token]/thema/[n]': `/s/${token}/thema/1`,
		'/s/[token]/antwoord': `/s/${token}/antwoord`,
		'/s/[token]/controle': `/s/${token}/controle`,
		'/s/[token]/klaar': `/s/${token}/klaar`
	};
}

/**
 * One test per visitor (about 90 requests each), so that a loaded machine gets a full test budget
 * for each and a failure names the visitor. Every test reads the ids and the round's link again
 * (a role's "nieuwe-link" changes it) and checks that its refused and invalid requests changed
 * nothing.
 */
test.describe('every route answers every visitor as the matrix says, and reveals nothing else', () => {
	let db: ReturnType<typeof e2eDb>;
	const counts = () =>
		db
			.prepare(
				'select (select count(*) from swv), (select count(*) from school), (select count(*) from invitation), (select count(*) from membership), (select count(*) from round_reminder), (select group_concat(coalesce(team_size, 0)) from round)'
			)
			.raw()
			.get();

	test.beforeAll(async ({ playwright }) => {
		db = e2eDb();
		// Warm-up: the first request to a route loads its code; every page once, outside the budget.
		const context = await playwright.request.newContext({ baseURL: BASE });
		const concrete = concreteUrls(db);
		for (const [route, method] of MATRIX)
			if (method === 'GET' && route !== '/uitloggen')
				await context.get(concrete[route] ?? route, {
					maxRedirects: 0,
					headers: { accept: 'text/html' }
				});
		await context.dispose();
	});

	test.afterAll(() => db?.close());

	for (const role of ROLES) {
		test(role, async ({ playwright }) => {
			const concrete = concreteUrls(db);
			const unresolved = MATRIX.map(([route]) => route).filter(
				(route) => route.includes('[') && !concrete[route]
			);
			expect(unresolved, 'routes with a parameter but no URL to try').toEqual([]);

			const before = counts();
			const context = await playwright.request.newContext({ baseURL: BASE });
			let cookie = '';
			if (LOGINS[role]) cookie = `sessie=${await sessionCookie(context, LOGINS[role]!)}`;
			if (role === 'respondent') cookie = 'respondent=een-willekeurige-code';
			const results: string[] = [];
			for (const [route, method, statuses] of MATRIX) {
				const url = concrete[route] ?? route;
				const headers = { cookie, origin: BASE, accept: 'text/html' };
				const response =
					method === 'GET'
						? await context.get(url, { headers, maxRedirects: 0 })
						: await context.post(
								method === 'default' || method === 'POST' ? url : `${url}?/${method}`,
								{
									headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
									data: '',
									maxRedirects: 0
								}
							);
				const expected = statuses[ROLES.indexOf(role)];
				if (response.status() !== expected)
					results.push(`${method} ${route}: ${response.status()} (verwacht ${expected})`);
				// A refusal never carries the school's or SWV's data.
				if (response.status() === 404) {
					const body = await response.text();
					expect(body, `${method} ${route}`).not.toContain('OBS De Regenboog');
				}
			}
			await context.dispose();
			expect(results).toEqual([]);
			// Refused and invalid requests changed nothing.
			expect(counts()).toEqual(before);
		});
	}
});
