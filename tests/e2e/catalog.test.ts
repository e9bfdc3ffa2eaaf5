import { expect, test } from '@playwright/test';
import { e2eDb, expectAccessible, signIn } from './helpers';

test('an admin adds, edits and hides catalogue items, with Dutch messages for bad input', async ({
	page
}) => {
	// Three full renders of the admin's list (80+ items and the coverage grid) with axe on each:
	// more than the default 30 s on a busy two-core machine.
	test.setTimeout(60_000);
	await signIn(page, 'beheer@example.org');
	await page.goto('/beheer/catalogus?thema=zicht-op-ontwikkeling');
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

	await page.goto('/beheer/catalogus?thema=ondersteuningsstructuur');
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

test('the catalogue pages pass axe, for a visitor and for the admin', async ({ page }) => {
	test.setTimeout(60_000); // three long pages with axe on each (see above)
	// (axe needs JavaScript in the page; the filters themselves are tested without it below.)
	await page.goto('/catalogus?thema=handelen-leraren&schooltype=po');
	await expect(page.getByRole('status')).toHaveText('4 items gevonden.');
	await expectAccessible(page);
	await page.goto('/catalogus?datum=geschiedenis');
	await expectAccessible(page);
	await signIn(page, 'beheer@example.org');
	await page.goto('/beheer/catalogus?thema=visie-en-beleid');
	await expect(page.getByRole('table', { name: /Dekking schoolscan/ })).toBeVisible();
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('anyone browses the current catalogue by theme, school type and kind; no SWV offers without signing in', async ({
		page
	}) => {
		await page.goto('/catalogus');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Praktijkvoorbeelden en ondersteuning' })
		).toBeVisible();
		// Only what is on offer now by default: history stays out, every item shows organiser and date.
		await expect(page.getByText('Landelijke conferentie')).toHaveCount(0);

		await page.getByLabel('Thema').selectOption({ label: 'Bekwaamheden en handelen van leraren' });
		await page.getByLabel('Schooltype').selectOption({ label: 'basisonderwijs' });
		await page.getByLabel('Soort').selectOption({ label: 'werkvorm voor het team' });
		await page.getByRole('button', { name: 'Tonen' }).click();
		await expect(page).toHaveURL(/thema=handelen-leraren&schooltype=po&soort=werkvorm/);
		await expect(page.getByRole('status')).toHaveText('2 items gevonden.');
		const entry = page.getByRole('article').filter({
			has: page.getByRole('heading', { name: 'Collegiale consultatie bij handelingsverlegenheid' })
		});
		await expect(entry).toContainText('werkvorm voor het team · Scan Passend Onderwijs');
		await expect(entry).toContainText('altijd beschikbaar in deze app');
		await expect(page.getByText('Expertiseteam Lindewaard')).toHaveCount(0);

		// History on request, told as history.
		await page.goto('/catalogus?thema=visie-en-beleid&datum=geschiedenis');
		await expect(
			page.getByRole('article').filter({ hasText: 'Maatwerkbijeenkomsten' })
		).toContainText('uit de geschiedenis');

		// A filter value that does not exist: a Dutch message and a 400.
		const bad = await page.goto('/catalogus?thema=bestaat-niet');
		expect(bad!.status()).toBe(400);
		await expect(page.getByText('Onbekende keuze voor het filter thema')).toBeVisible();
	});

	test('the admin filters the list and reads the coverage grid', async ({ page }) => {
		await signIn(page, 'beheer@example.org');
		await page.goto('/beheer/catalogus');
		await expect(page.getByText('Alle cellen voldoen.')).toBeVisible();
		const grid = page.getByRole('table', { name: /Dekking schoolscan/ });
		const row = grid.getByRole('row', { name: /Bekwaamheden en handelen van leraren/ });
		// Verkennen × po … vso, Ontwikkelen × …, Functionerend × …: never fewer than two.
		const counts = (await row.getByRole('cell').allTextContents()).map(Number);
		expect(counts).toHaveLength(15);
		expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);

		const filters = page.getByRole('form', { name: 'Filter het aanbod' });
		await filters.getByLabel('Thema').selectOption({ label: 'Visie en beleid' });
		await filters.getByLabel('Status').selectOption({ label: 'historisch' });
		await filters.getByLabel('Datum').selectOption({ label: 'uit de geschiedenis' });
		await page.getByRole('button', { name: 'Filteren' }).click();
		await expect(page).toHaveURL(
			/thema=visie-en-beleid&niveau=&status=historisch&datum=geschiedenis/
		);
		await expect(page.getByRole('link', { name: 'Maatwerkbijeenkomsten' })).toBeVisible();
		await expect(
			page.getByRole('link', {
				name: 'Experimenteerregeling samenwerking regulier en speciaal onderwijs'
			})
		).toBeVisible();
		await expect(page.getByRole('link', { name: /Teamgesprek/ })).toHaveCount(0);
		// The SWVs' own offers are in the admin's list, with their SWV.
		await page.goto('/beheer/catalogus?thema=handelen-leraren&niveau=verkennen');
		await expect(
			page.getByText('eigen aanbod van Samenwerkingsverband VO Lindewaard (demo)')
		).toBeVisible();
	});
});

test("an SWV coordinator adds the SWV's own offer; its schools see it first and marked, another SWV's never", async ({
	page
}) => {
	await signIn(page, 'swv@example.org');
	await page.goto('/swv');
	const db = e2eDb();
	const swvId = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	db.close();
	await page.goto(`/swv/${swvId}/aanbod`);
	await expect(
		page.getByRole('article').filter({ hasText: 'Expertiseteam Lindewaard: meekijken in de klas' })
	).toBeVisible();
	await expect(page.getByText('Loket VO Lindewaard')).toHaveCount(0);
	await expectAccessible(page);

	await page.getByText('Aanbod toevoegen').click();
	await page.getByLabel('Titel', { exact: true }).fill('ab');
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByText('Vul een titel in.')).toBeVisible();
	await expect(page.getByText('Kies minstens één thema.')).toBeVisible();
	// Only the school scan's themes: an SWV's offers are for its schools.
	await expect(page.getByRole('checkbox', { name: /Dekkend aanbod/ })).toHaveCount(0);
	await expectAccessible(page);

	await page.getByLabel('Soort').selectOption({ label: 'training' });
	await page.getByLabel('Titel', { exact: true }).fill('Training omgaan met gedrag in de klas');
	await page
		.getByLabel('Korte beschrijving')
		.fill('Drie middagen voor leraren over voorspelbaar lesgeven en omgaan met gedrag.');
	await page.getByLabel('Contact (optioneel)').fill('scholing@lindewaard.example');
	await page.getByRole('checkbox', { name: /Bekwaamheden en handelen van leraren/ }).check();
	for (const level of ['Verkennen', 'In ontwikkeling'])
		await page.getByRole('checkbox', { name: level }).check();
	await page
		.getByLabel('Datum in woorden (optioneel)')
		.fill('voorjaar 2027, drie woensdagmiddagen');
	await page.getByLabel('Begint op (optioneel)').fill('2027-03-10');
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByText('Het aanbod is opgeslagen.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Training omgaan met gedrag in de klas'
	);

	// The school's recommendations: the SWV's offers first, marked, with contact; never the VO SWV's.
	const check = e2eDb();
	const row = check
		.prepare(
			"select c.id, c.contact, s.code from catalog_item c join swv s on s.id = c.swv_id where c.title = 'Training omgaan met gedrag in de klas'"
		)
		.get() as { id: string; contact: string; code: string };
	check.close();
	expect(row).toEqual({
		id: `swv-${swvId}-training-omgaan-met-gedrag-in-de-klas`,
		contact: 'scholing@lindewaard.example',
		code: 'PO2799'
	});
	await page.context().clearCookies();
	await signIn(page, 'school@example.org');
	await page.goto('/catalogus?thema=handelen-leraren');
	const first = page.getByRole('article').first();
	await expect(first).toContainText('Aanbod van uw samenwerkingsverband');
	await expect(first).toContainText('Samenwerkingsverband Passend Onderwijs Lindewaard (demo)');
	await expect(page.getByText('Training omgaan met gedrag in de klas')).toBeVisible();
	await expect(page.getByText('Contact: scholing@lindewaard.example')).toBeVisible();
	await expect(page.getByText('Loket VO Lindewaard')).toHaveCount(0);
	await expectAccessible(page);

	// The demo school's results (its demo round, not one another spec added): its weakest theme
	// gets the SWV's offers first, with the reason.
	const q = e2eDb();
	const roundId = q
		.prepare(
			"select r.id from round r join school s on s.id = r.school_id where s.instellingscode = '90AA' and r.title = 'Scan najaar 2026'"
		)
		.pluck()
		.get() as number;
	q.close();
	await page.goto(`/rondes/${roundId}/resultaten`);
	const offers = page.getByRole('region', { name: /Aan de slag/ });
	await expect(offers.getByRole('heading', { level: 3 }).first()).toHaveText(
		'Bekwaamheden en handelen van leraren (Verkennen)'
	);
	await expect(
		offers.getByText(
			'Dit aanbod staat hier omdat Bekwaamheden en handelen van leraren nog in de verkenningsfase is (Verkennen).'
		)
	).toBeVisible();
	// Both of the SWV's own first (the coming training before the running team), then the rest.
	const tips = offers.getByRole('list').first().getByRole('listitem');
	await expect(tips.nth(0)).toContainText('Aanbod van uw samenwerkingsverband');
	await expect(tips.nth(0)).toContainText('Training omgaan met gedrag in de klas');
	await expect(tips.nth(1)).toContainText('Aanbod van uw samenwerkingsverband');
	await expect(tips.nth(1)).toContainText('Expertiseteam Lindewaard');
	await expect(tips.nth(2)).toContainText('Collegiale consultatie bij handelingsverlegenheid');
	await expect(tips.nth(2)).not.toContainText('Aanbod van uw samenwerkingsverband');
	await expect(offers.getByText('Loket VO Lindewaard')).toHaveCount(0);
	await expect(offers.getByText('Nog geen aanbod in de catalogus')).toHaveCount(0);
});
