import { expect, test } from '@playwright/test';
import { e2eDb, expectAccessible, signIn } from './helpers';

test('an admin adds, edits and hides catalogue items, with Dutch messages for bad input', async ({
	page
}) => {
	await signIn(page, 'beheer@example.org');
	await page.goto('/beheer/catalogus');
	await expect(
		page.getByRole('link', { name: 'Bijeenkomsten ontwikkelingsperspectief (OPP) voor po en vo' })
	).toBeVisible();
	await expectAccessible(page);

	await page.getByText('Aanbod toevoegen').click();
	await page.getByLabel('Id', { exact: true }).fill('Geen Kebab');
	await page.getByLabel('Titel', { exact: true }).fill('Werkplaats basisondersteuning');
	await page.getByLabel('Organisator').fill('X');
	await page.getByLabel('Link (optioneel)').fill('geen-link');
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByText('Id moet kebab-case zijn.')).toBeVisible();
	await expect(page.getByText('Vul de organisator in.')).toBeVisible();
	await expect(page.getByText('Vul een korte beschrijving in.')).toBeVisible();
	await expect(page.getByText('Kies minstens één thema.')).toBeVisible();
	await expect(page.getByText('Vul een volledige link in (https://…).')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Id', { exact: true }).fill('werkplaats-basisondersteuning');
	await page.getByLabel('Organisator').fill('Samenwerkingsverband Lindewaard');
	await page
		.getByLabel('Korte beschrijving')
		.fill('Vier middagen waarin intern begeleiders de basisondersteuning uitwerken.');
	await page.getByLabel('Link (optioneel)').fill('https://example.org/werkplaats');
	await page
		.getByRole('checkbox', { name: /Basisondersteuning en ondersteuningsstructuur/ })
		.check();
	await page.getByRole('checkbox', { name: 'Verkennen' }).check();
	await page.getByRole('checkbox', { name: 'po', exact: true }).check();
	await page.getByLabel('Begint op (optioneel)').fill('2027-02-10');
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByText('Het aanbod is opgeslagen.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkplaats basisondersteuning');

	await page.getByLabel('Titel', { exact: true }).fill('Werkplaats basisondersteuning 2027');
	await page.getByLabel('Eindigt op (optioneel)').fill('2027-01-01');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('De einddatum ligt voor de begindatum.')).toBeVisible();
	await page.getByLabel('Eindigt op (optioneel)').fill('2027-05-01');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Het aanbod is opgeslagen.')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/beheer/catalogus');
	await page.getByRole('button', { name: 'Verbergen Werkplaats basisondersteuning 2027' }).click();
	await expect(page.getByText('Het aanbod is verborgen.')).toBeVisible();
	const db = e2eDb();
	const row = db
		.prepare(
			"select title, hidden, starts_on, ends_on, themes from catalog_item where id = 'werkplaats-basisondersteuning'"
		)
		.get();
	db.close();
	expect(row).toEqual({
		title: 'Werkplaats basisondersteuning 2027',
		hidden: 1,
		starts_on: '2027-02-10',
		ends_on: '2027-05-01',
		themes: '["ondersteuningsstructuur"]'
	});
});
