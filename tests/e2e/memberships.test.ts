import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import {
	BASE,
	E2E_DATA,
	e2eDb,
	expectAccessible,
	lastMailTo,
	sessionCookie,
	signIn
} from './helpers';

/** Who may act for a school: the school decides; the SWV only invites a school's first coordinator. */

const html = { origin: BASE, accept: 'text/html' };

function ids() {
	const db = e2eDb();
	const one = (sql: string) => db.prepare(sql).pluck().get() as number;
	const school = (code: string) => one(`select id from school where instellingscode = '${code}'`);
	const result = {
		swv: one("select id from swv where code = 'PO2799'"),
		regenboog: school('90AA'),
		klavertje: school('90AH'),
		sintJozef: school('90AE'),
		palet: school('90AF'),
		sterrenwacht: school('90AG'),
		roundA: one(
			"select id from round where school_id = (select id from school where instellingscode = '90AA') and companion_of_round_id is null order by opens_at desc limit 1"
		)
	};
	db.close();
	return result;
}

const state = () => {
	const db = e2eDb();
	const row = db
		.prepare('select (select count(*) from invitation), (select count(*) from membership)')
		.raw()
		.get();
	db.close();
	return row;
};

async function acceptAsNewAccount(page: Page, email: string, name: string) {
	await page.goto(lastMailTo(email)!.link!);
	await page.getByLabel('Uw naam').fill(name);
	await page.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord');
	await page.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByText('Welkom! Uw uitnodiging is aangenomen.')).toBeVisible();
}

test('an SWV coordinator cannot invite themselves into a school, and nothing changes', async ({
	playwright
}) => {
	const { swv, regenboog, sintJozef, roundA } = ids();
	const request = await playwright.request.newContext({ baseURL: BASE });
	const cookie = `sessie=${await sessionCookie(request, 'swv@example.org')}`;
	const before = state();
	const invite = (email: string, target: number) =>
		request.post(`/swv/${swv}?/uitnodigen`, {
			form: { email, target: String(target) },
			headers: { ...html, cookie }
		});

	// A school without a coordinator: the SWV's own address (and a colleague's) is refused.
	for (const email of ['swv@example.org', 'SWV@example.org ']) {
		const refused = await invite(email, sintJozef);
		expect(refused.status()).toBe(403);
		expect(await refused.text()).toContain(
			'heeft al een rol in dit samenwerkingsverband. Het samenwerkingsverband kan zichzelf geen toegang geven'
		);
	}
	// A school that has a coordinator decides itself: the SWV invites nobody there.
	const decided = await invite('swv@example.org', regenboog);
	expect(decided.status()).toBe(403);
	expect(await decided.text()).toContain(
		'OBS De Regenboog heeft al een coördinator. Alleen de coördinatoren van de school'
	);
	// On the school's own page, too.
	const direct = await request.post(`/scholen/${regenboog}?/uitnodigen`, {
		form: { email: 'iemand@example.net' },
		headers: { ...html, cookie }
	});
	expect(direct.status()).toBe(403);

	expect(state()).toEqual(before);
	const results = await request.get(`/rondes/${roundA}/resultaten`, { headers: { cookie } });
	expect(results.status()).toBe(404);
	const db = e2eDb();
	const refusals = db
		.prepare(
			"select count(*) from audit_event e join user u on u.id = e.user_id where e.action = 'uitnodiging.geweigerd' and u.email = 'swv@example.org'"
		)
		.pluck()
		.get();
	db.close();
	expect(refusals).toBeGreaterThanOrEqual(4);
	await request.dispose();
});

test('the SWV invites a first coordinator; from then on the school manages its coordinators', async ({
	page,
	browser
}) => {
	const { swv, klavertje } = ids();
	const stamp = Date.now();
	const first = `eerste-${stamp}@example.net`;
	const second = `tweede-${stamp}@example.net`;
	const spare = `reserve-${stamp}@example.net`;

	// The SWV invites the school's first coordinator.
	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swv}`);
	await page.getByLabel('E-mailadres').fill(first);
	await page
		.getByLabel('Als')
		.selectOption({ label: 'Coördinator van Jenaplanschool Het Klavertje' });
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(page.getByText(`Er is een uitnodiging gestuurd naar ${first}.`)).toBeVisible();
	// A second invitation for the same school, before anyone accepted.
	await page.getByLabel('E-mailadres').fill(spare);
	await page
		.getByLabel('Als')
		.selectOption({ label: 'Coördinator van Jenaplanschool Het Klavertje' });
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(page.getByText(`Er is een uitnodiging gestuurd naar ${spare}.`)).toBeVisible();
	await page.getByRole('link', { name: 'Alle coördinatoren en uitnodigingen' }).click();
	await expect(
		page.getByRole('heading', { name: /Coördinatoren van Samenwerkingsverband/ })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Uitloggen' }).click();

	await acceptAsNewAccount(page, first, 'Fatima Eerste');
	// The SWV's other invitation no longer makes anyone coordinator: the school has one now.
	const spareContext = await browser.newContext();
	const sparePage = await spareContext.newPage();
	await sparePage.goto(lastMailTo(spare)!.link!);
	await expect(
		sparePage.getByText('Jenaplanschool Het Klavertje heeft inmiddels een coördinator.')
	).toBeVisible();
	await expect(sparePage.getByRole('button', { name: 'Account aanmaken' })).toHaveCount(0);
	await expectAccessible(sparePage);
	await spareContext.close();
	await page.goto(`/scholen/${klavertje}`);
	await page.getByRole('link', { name: 'Alle coördinatoren en uitnodigingen' }).click();
	await expect(page).toHaveURL(`${BASE}/scholen/${klavertje}/coordinatoren`);
	await expectAccessible(page);
	const me = page.getByRole('row', { name: /Fatima Eerste \(u\)/ });
	await expect(me).toContainText('Sam Verbeek');
	await expect(me).toContainText('laatste coördinator');
	// The last coordinator cannot remove themselves without an admin, even when confirmed.
	const membership = (email: string) => {
		const db = e2eDb();
		const id = db
			.prepare(
				'select m.id from membership m join user u on u.id = m.user_id where u.email = ? and m.school_id = ?'
			)
			.pluck()
			.get(email, klavertje) as number;
		db.close();
		return id;
	};
	const last = await page.request.post(`/scholen/${klavertje}/coordinatoren?/verwijderen`, {
		form: { id: String(membership(first)), confirm: 'ja' },
		headers: html
	});
	expect(last.status()).toBe(409);
	expect(await last.text()).toContain(
		'Fatima Eerste is de laatste coördinator van Jenaplanschool Het Klavertje'
	);

	// Now only the school adds coordinators: the SWV is refused.
	const swvContext = await browser.newContext();
	const swvRequest = swvContext.request;
	await sessionCookie(swvRequest, 'swv@example.org');
	const late = await swvRequest.post(`${BASE}/swv/${swv}?/uitnodigen`, {
		form: { email: second, target: String(klavertje) },
		headers: html
	});
	expect(late.status()).toBe(403);

	// The school invites, withdraws, invites again; the second coordinator accepts.
	await page.goto(`/scholen/${klavertje}`);
	await page.getByLabel('E-mailadres').fill(second);
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(page.getByText(`Er is een uitnodiging gestuurd naar ${second}.`)).toBeVisible();
	await page.goto(`/scholen/${klavertje}/coordinatoren`);
	await expect(page.getByRole('row', { name: new RegExp(second) })).toContainText('Fatima Eerste');
	await page.getByRole('button', { name: `Intrekken voor ${second}` }).click();
	await expect(page.getByText(`De uitnodiging voor ${second} is ingetrokken.`)).toBeVisible();
	// The school also withdraws what the SWV still had open for it.
	await page.getByRole('button', { name: `Intrekken voor ${spare}` }).click();
	await expect(page.getByText(`De uitnodiging voor ${spare} is ingetrokken.`)).toBeVisible();
	await expect(page.getByText('Geen openstaande uitnodigingen.')).toBeVisible();
	await page.goto(`/scholen/${klavertje}`);
	await page.getByLabel('E-mailadres').fill(second);
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	const other = await browser.newPage();
	await acceptAsNewAccount(other, second, 'Gijs Tweede');

	// Removing yourself needs a confirmation.
	await page.goto(`/scholen/${klavertje}/coordinatoren`);
	await expectAccessible(page);
	const unconfirmed = await page.request.post(`/scholen/${klavertje}/coordinatoren?/verwijderen`, {
		form: { id: String(membership(first)) },
		headers: html
	});
	expect(unconfirmed.status()).toBe(400);
	expect(await unconfirmed.text()).toContain('Bevestig dat u uzelf wilt verwijderen');

	// The school removes the second coordinator, who then no longer sees the school.
	await page.getByRole('button', { name: 'Verwijderen Gijs Tweede' }).click();
	await expect(
		page.getByText(
			`Gijs Tweede (${second}) is geen coördinator van Jenaplanschool Het Klavertje meer.`
		)
	).toBeVisible();
	expect((await other.goto(`/scholen/${klavertje}`))?.status()).toBe(404);

	const db = e2eDb();
	const removed = db
		.prepare(
			"select u.email from audit_event e join user u on u.id = e.user_id where e.action = 'lidmaatschap.verwijderd' and e.detail like ?"
		)
		.pluck()
		.all(`%${second}%`);
	db.close();
	expect(removed).toEqual([first]);
	await swvContext.close();
	await other.close();
});

test('an admin takes one role away and the account keeps its other roles', async ({ page }) => {
	const { palet, sterrenwacht } = ids();
	const email = `twee-rollen-${Date.now()}@example.net`;
	const db = new Database(join(E2E_DATA, 'scan.db'));
	const id = crypto.randomUUID();
	db.prepare("insert into user (id, email, name) values (?, ?, 'Twee Rollen')").run(id, email);
	for (const school of [palet, sterrenwacht])
		db.prepare("insert into membership (user_id, scope, school_id) values (?, 'school', ?)").run(
			id,
			school
		);
	db.close();

	await signIn(page, 'beheer@example.org');
	await page.goto('/beheer/accounts');
	await page.getByRole('button', { name: `rol intrekken OBS Het Palet voor ${email}` }).click();
	await expect(
		page.getByText(`Twee Rollen (${email}) is geen coördinator van OBS Het Palet meer.`)
	).toBeVisible();
	await expectAccessible(page);
	const row = page.getByRole('row', { name: new RegExp(email) });
	await expect(row).toContainText('Daltonschool De Sterrenwacht');
	await expect(row).not.toContainText('OBS Het Palet');
	await expect(row).toContainText('actief');
});
