import { expect, test } from '@playwright/test';
import { e2eDb, expectAccessible, signIn } from './helpers';

/**
 * The pages no other spec runs axe on (zz-axe-coverage.test.ts names them when one is missing),
 * each with the demo's data: axe at the page's own width, 360 and 320 px, and no sideways scroll.
 */

function ids() {
	const db = e2eDb();
	const id = (sql: string) => db.prepare(sql).pluck().get() as number;
	const school = id("select id from school where instellingscode = '90AA'");
	const swv = id("select id from swv where code = 'PO2799'");
	const round = id(
		`select id from round where school_id = ${school} and status = 'closed' order by opens_at desc limit 1`
	);
	db.close();
	return { school, swv, round };
}

test('the admin start page passes axe', async ({ page }) => {
	await signIn(page, 'beheer@example.org');
	await page.goto('/beheer');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
});

test('the school pages the SWV shares and the action plan pass axe; a failed action keeps what was typed', async ({
	page
}) => {
	const { school, round } = ids();
	await signIn(page, 'school@example.org');
	await page.goto(`/scholen/${school}/gedeeld`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/rondes/${round}/actieplan`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
	// Too short an action: the error is shown, and the theme, owner and date stay as typed.
	await page.getByLabel('Thema').selectOption({ label: 'Positie van ouders' });
	await page.getByLabel('Actie', { exact: true }).fill('x');
	await page.getByLabel('Trekker').fill('intern begeleider');
	await page.getByLabel('Klaar op (optioneel)').fill('2027-03-01');
	await page.getByRole('button', { name: 'Actie toevoegen' }).click();
	await expect(page.getByText('Beschrijf de actie in minstens 3 tekens.')).toBeVisible();
	await expect(page.getByLabel('Klaar op (optioneel)')).toHaveValue('2027-03-01');
	await expect(page.getByLabel('Trekker')).toHaveValue('intern begeleider');
	await expect(page.getByLabel('Thema').locator('option:checked')).toHaveText(
		/^Positie van ouders/
	);
	await expectAccessible(page);
});

test("the SWV's page of one school and of one own offer pass axe", async ({ page }) => {
	const { school, swv } = ids();
	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swv}/scholen/${school}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/swv/${swv}/aanbod/demo-po-lindewaard-expertiseteam`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);
});
