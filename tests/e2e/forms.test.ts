import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { E2E_DATA, e2eDb, signIn } from './helpers';

const writable = () => new Database(join(E2E_DATA, 'scan.db'));

/**
 * Forms send without a full reload (use:enhance through `keepPlace`): the page stays, the scroll
 * position stays, and focus moves to the form's message. The same forms work without JavaScript.
 */

/** An open round of OBS De Regenboog, closing in 30 days, written into the test database. */
function openRound(title: string): number {
	const db = writable();
	const school = db
		.prepare("select id, swv_id from school where instellingscode = '90AA'")
		.get() as { id: number; swv_id: number };
	const token = Array.from(
		{ length: 26 },
		() => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(Math.random() * 32)]
	).join('');
	const id = Number(
		db
			.prepare(
				"insert into round (scope, school_id, swv_id, questionnaire_id, questionnaire_version, title, opens_at, closes_at, status, share_token) values ('school', ?, ?, 'school-scan', 1, ?, ?, ?, 'open', ?)"
			)
			.run(school.id, school.swv_id, title, Date.now(), Date.now() + 30 * 86_400_000, token)
			.lastInsertRowid
	);
	db.close();
	return id;
}

function swvId(): number {
	const db = e2eDb();
	const id = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	db.close();
	return id;
}

/** A date `days` from today as the date input takes it. */
const isoDay = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Presses `button` (scrolled into view, well down the page) and checks that the page did not
 * reload, did not move, and that focus is on `message`. "Did not move": scrollY is kept; or, when
 * the answer adds content above the form (a row in the action plan's table), `anchor` (the form)
 * keeps its place on the screen.
 */
async function sendInPlace(
	page: Page,
	button: Locator,
	message: Locator,
	anchor?: Locator
): Promise<void> {
	await button.scrollIntoViewIfNeeded();
	await page.evaluate(() => {
		(window as unknown as { marker: string }).marker = 'dezelfde pagina';
	});
	const scrollY = () => page.evaluate(() => window.scrollY);
	const where = async () => (anchor ? (await anchor.boundingBox())!.y : await scrollY());
	expect(await scrollY(), 'the form is far enough down for a jump to show').toBeGreaterThan(150);
	const before = await where();
	await button.click();
	await expect(message).toBeFocused();
	expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
		'dezelfde pagina'
	);
	const after = await where();
	expect(Math.abs(after - before), `${before} → ${after}`).toBeLessThanOrEqual(4);
	await expect(message).toBeInViewport();
}

test.describe('with JavaScript', () => {
	test.use({ viewport: { width: 1280, height: 600 } });

	test('round page: the closing date is saved in place, an error too', async ({ page }) => {
		const id = openRound('Formulieren met JS');
		await signIn(page, 'school@example.org');
		await page.goto(`/rondes/${id}`);
		const beheer = page.getByRole('region', { name: 'Ronde beheren' });
		const date = beheer.getByLabel('Sluitingsdatum aanpassen');
		const save = beheer.getByRole('button', { name: 'Datum opslaan' });

		await date.fill(isoDay(-3));
		await sendInPlace(page, save, beheer.getByRole('alert'));
		await expect(beheer.getByRole('alert')).toHaveText('De datum is niet opgeslagen.');

		await date.fill(isoDay(40));
		await sendInPlace(page, save, beheer.getByRole('status'));
		await expect(beheer.getByRole('status')).toHaveText('De sluitingsdatum is aangepast.');
		// The message shows beside the form, not (also) at the top of the page.
		await expect(page.getByText('De sluitingsdatum is aangepast.')).toHaveCount(1);
		const closes = e2eDb().prepare('select closes_at from round where id = ?').pluck().get(id);
		expect(new Date(closes as number).getTime()).toBeGreaterThan(Date.now() + 39 * 86_400_000);
	});

	test('action plan: an action is added in place and the form is empty again', async ({ page }) => {
		const id = openRound('Actieplan met JS');
		await signIn(page, 'school@example.org');
		await page.goto(`/rondes/${id}/actieplan`);
		const plan = page.locator('form[action^="?/toevoegen"]');
		// The first action makes its theme's table above the form: the form stays on the screen.
		await plan.getByLabel('Actie').fill('Klassenbezoeken plannen');
		await plan.getByLabel('Trekker').fill('directeur');
		const button = plan.getByRole('button', { name: 'Actie toevoegen' });
		await button.scrollIntoViewIfNeeded();
		const y = (await plan.boundingBox())!.y;
		await button.click();
		await expect(page.getByRole('status').filter({ hasText: 'toegevoegd' })).toBeFocused();
		expect(Math.abs((await plan.boundingBox())!.y - y)).toBeLessThanOrEqual(4);
		await expect(plan.getByLabel('Actie')).toHaveValue('');

		// The next one: the page stays, at the same scroll position.
		await plan.getByLabel('Actie').fill('Collegiale consultatie per bouw');
		await plan.getByLabel('Trekker').fill('intern begeleider');
		const message = page.getByRole('status').filter({ hasText: 'toegevoegd' });
		await sendInPlace(page, plan.getByRole('button', { name: 'Actie toevoegen' }), message, plan);
		await expect(
			page.getByRole('cell', { name: 'Collegiale consultatie per bouw', exact: true })
		).toBeVisible();
		await expect(plan.getByLabel('Actie')).toHaveValue('');
	});

	test('SWV norm: saved in place, the message beside the button', async ({ page }) => {
		const swv = swvId();
		const db = e2eDb();
		const was = db
			.prepare(
				"select level_id from swv_norm where swv_id = ? and theme_id = 'kwaliteitszorg-en-cultuur'"
			)
			.pluck()
			.get(swv);
		db.close();
		await signIn(page, 'swv@example.org');
		await page.goto(`/swv/${swv}/norm`);
		const select = page.locator('select[name="kwaliteitszorg-en-cultuur"]');
		await select.selectOption('ontwikkelen');
		const message = page.getByRole('status').filter({ hasText: 'De norm is opgeslagen.' });
		await sendInPlace(page, page.getByRole('button', { name: 'Norm opslaan' }), message);
		await expect(select).toHaveValue('ontwikkelen');
		const restore = writable();
		if (was === undefined)
			restore
				.prepare("delete from swv_norm where swv_id = ? and theme_id = 'kwaliteitszorg-en-cultuur'")
				.run(swv);
		else
			restore
				.prepare(
					"update swv_norm set level_id = ? where swv_id = ? and theme_id = 'kwaliteitszorg-en-cultuur'"
				)
				.run(was, swv);
		restore.close();
	});

	test('admin: a coordinator is invited in place and the address field is empty again', async ({
		page
	}) => {
		const swv = swvId();
		await signIn(page, 'beheer@example.org');
		await page.goto(`/beheer/swv/${swv}`);
		const email = page.getByLabel('Coördinator uitnodigen (e-mailadres)');
		await email.fill('nieuwe.coordinator@example.org');
		const message = page.getByRole('status').filter({ hasText: 'nieuwe.coordinator@example.org' });
		await sendInPlace(page, page.getByRole('button', { name: 'Uitnodiging sturen' }), message);
		await expect(email).toHaveValue('');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same forms post, answer beside the form and land there', async ({ page }) => {
		const id = openRound('Formulieren zonder JS');
		await signIn(page, 'school@example.org');

		await page.goto(`/rondes/${id}`);
		const beheer = page.getByRole('region', { name: 'Ronde beheren' });
		await beheer.getByLabel('Sluitingsdatum aanpassen').fill(isoDay(41));
		await beheer.getByRole('button', { name: 'Datum opslaan' }).click();
		await expect(beheer.getByRole('status')).toHaveText('De sluitingsdatum is aangepast.');
		expect(page.url()).toMatch(/\?\/verlengen#kop-beheer$/);
		await expect(beheer.getByRole('status')).toBeInViewport();

		await page.goto(`/rondes/${id}/actieplan`);
		await page.getByLabel('Actie', { exact: true }).fill('Zonder script toegevoegd');
		await page.getByLabel('Trekker').fill('zorgcoördinator');
		await page.getByRole('button', { name: 'Actie toevoegen' }).click();
		await expect(
			page.getByRole('cell', { name: 'Zonder script toegevoegd', exact: true })
		).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'toegevoegd' })).toBeVisible();

		await page.context().clearCookies();
		await signIn(page, 'swv@example.org');
		const swv = swvId();
		await page.goto(`/swv/${swv}/norm`);
		const before = await page.locator('select[name="kwaliteitszorg-en-cultuur"]').inputValue();
		await page
			.locator('select[name="kwaliteitszorg-en-cultuur"]')
			.selectOption(before || 'ontwikkelen');
		await page.getByRole('button', { name: 'Norm opslaan' }).click();
		await expect(page.getByRole('status')).toContainText('De norm is opgeslagen.');
		await expect(page.getByRole('status')).toBeInViewport();

		await page.context().clearCookies();
		await signIn(page, 'beheer@example.org');
		await page.goto(`/beheer/swv/${swv}`);
		await page.getByLabel('Coördinator uitnodigen (e-mailadres)').fill('zonder.js@example.org');
		await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'zonder.js@example.org' })
		).toBeInViewport();
	});
});
