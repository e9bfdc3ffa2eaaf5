import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BASE, E2E_DATA, roundWithAnswers, sessionCookie } from './helpers';

/** What the server leaves behind: in caches, in refusals, and in the database file. */

test('signed-in pages and their data are private, no-store', async ({ playwright }) => {
	const request = await playwright.request.newContext({ baseURL: BASE });
	const cookie = `sessie=${await sessionCookie(request, 'school@example.org')}`;
	for (const path of ['/overzicht', '/account', '/overzicht/__data.json']) {
		const response = await request.get(path, { headers: { cookie } });
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
	}
	await request.dispose();
});

test("the framework's own refusals answer in Dutch", async ({ playwright }) => {
	const request = await playwright.request.newContext({ baseURL: BASE });
	const form = 'email=a%40b.nl&password=x';
	const urlencoded = 'application/x-www-form-urlencoded';

	const crossSite = await request.post('/inloggen', {
		headers: { origin: 'https://evil.example', 'content-type': urlencoded, accept: 'text/html' },
		data: form
	});
	expect(crossSite.status()).toBe(403);
	expect(await crossSite.text()).toContain('niet vanaf deze website verstuurd');

	const noOrigin = await request.post('/inloggen', {
		headers: { 'content-type': urlencoded, accept: 'text/html' },
		data: form
	});
	expect(noOrigin.status()).toBe(403);

	const endpoint = await request.post('/healthz', {
		headers: { origin: BASE, 'content-type': 'application/json' },
		data: '{}'
	});
	expect(endpoint.status()).toBe(405);
	expect(await endpoint.text()).toContain('neemt dit soort verzoek niet aan');

	const page = await request.post('/privacy', {
		headers: { origin: BASE, 'content-type': urlencoded, accept: 'text/html' },
		data: form
	});
	expect(page.status()).toBe(405);
	expect(await page.text()).toContain('neemt dit soort verzoek niet aan');

	const json = await request.post('/inloggen', {
		headers: { origin: BASE, 'content-type': 'application/json', accept: 'text/html' },
		data: '{"email":"a@b.nl"}'
	});
	expect(json.status()).toBe(415);
	expect(await json.text()).toContain('in een vorm verstuurd die de website niet kent');

	const malformed = await request.get('/rondes/%zz', { headers: { accept: 'text/html' } });
	expect(malformed.status()).toBe(400);
	expect(await malformed.text()).toContain('kon niet worden gelezen');
	await request.dispose();
});

test('a deleted round leaves no readable text in the database file or its WAL', async ({
	playwright
}) => {
	const secret = `geheime-toelichting-${Date.now()}`;
	const id = roundWithAnswers('Te verwijderen ronde', [[3], [4], [2]], { comment: secret });
	const files = () =>
		['scan.db', 'scan.db-wal'].map((f) => {
			try {
				return readFileSync(join(E2E_DATA, f));
			} catch {
				return Buffer.alloc(0);
			}
		});
	expect(files().some((b) => b.includes(secret))).toBe(true);

	const request = await playwright.request.newContext({ baseURL: BASE });
	const cookie = `sessie=${await sessionCookie(request, 'school@example.org')}`;
	const deleted = await request.post(`/rondes/${id}?/verwijderen`, {
		form: { confirm: 'verwijder' },
		headers: { cookie, origin: BASE, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(deleted.status()).toBe(303);
	const [db, wal] = files();
	expect(db!.includes(secret), 'scan.db').toBe(false);
	expect(wal!.includes(secret), 'scan.db-wal').toBe(false);
	await request.dispose();
});
