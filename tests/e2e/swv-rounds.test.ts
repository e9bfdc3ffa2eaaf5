import { expect, test } from '@playwright/test';
import { e2eDb, expectAccessible, signIn } from './helpers';

test('an SWV coordinator opens its own scan and a round for every school at once', async ({
	page
}) => {
	const db = e2eDb();
	const swv = db.prepare("select id from swv where code = 'VO2799'").pluck().get() as number;
	db.close();

	await signIn(page, 'swv@example.org');
	// swv@ coordinates the PO SWV; the VO SWV is someone else's.
	expect((await page.goto(`/swv/${swv}`))?.status()).toBe(404);

	const po = e2eDb();
	const poId = po.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	const poSchools = po
		.prepare('select count(*) from school where swv_id = ? and active = 1')
		.pluck()
		.get(poId) as number;
	const before = po
		.prepare("select count(*) from round where swv_id = ? and scope = 'school'")
		.pluck()
		.get(poId) as number;
	po.close();

	// The SWV's own scan speaks to the SWV: its results page names its plan and OPR, not a school's.
	const ownScan = e2eDb()
		.prepare("select id from round where swv_id = ? and scope = 'swv' and title = 'SWV-scan 2026'")
		.pluck()
		.get(poId) as number;
	await page.goto(`/rondes/${ownScan}/resultaten`);
	await expect(
		page.getByText('voor het ondersteuningsplan en de OPR; zonder toelichtingen')
	).toBeVisible();
	await expect(page.locator('main')).not.toContainText(
		/schoolondersteuningsprofiel|de MR|uw school/
	);

	await page.goto(`/swv/${poId}`);
	await page.getByText('Ronde van de SWV-scan openen').click();
	// Its form's examples of functions are the SWV's, not a school's.
	await expect(
		page.getByLabel(
			'Vraag respondenten naar hun functie (staf van het samenwerkingsverband, bestuurder, lid van de OPR, …)'
		)
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Titel').first().fill('SWV-scan voorjaar');
	await page.getByRole('button', { name: 'Ronde openen' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'SWV-scan voorjaar' })).toBeVisible();
	await expect(
		page.getByText(/Scan Passend Onderwijs voor samenwerkingsverbanden, versie 2/)
	).toBeVisible();
	await expectAccessible(page);
	const link = (await page.locator('.link code').textContent())!;
	await page.goto(link);
	await page.getByRole('button', { name: 'Start de scan' }).click();
	await expect(page.getByText('Thema 1 van 7')).toBeVisible();
	await expect(page.getByText('0 van 28 stellingen beantwoord')).toBeVisible();

	await page.goto(`/swv/${poId}`);
	// The demo schools opened a round this school year (the autumn rounds); schools added by
	// other tests may not have.
	const notStarted = page.getByRole('region', { name: 'Nog niet gestart dit schooljaar' });
	await expect(notStarted).toBeVisible();
	await expect(notStarted.getByText('OBS De Regenboog')).toHaveCount(0);
	await page.getByText(/Ronde openen voor meerdere scholen/).click();
	// No school chosen: a clear message, nothing opened.
	for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
	await page.getByRole('button', { name: 'Rondes openen voor de gekozen scholen' }).click();
	await expect(page.getByText('Kies minstens één school.')).toBeVisible();
	await expectAccessible(page);
	for (const box of await page.getByRole('checkbox').all()) await box.check();
	await page.getByLabel('Titel').last().fill('Scan alle scholen');
	await page.getByLabel('Minimaal aantal respondenten').last().fill('2');
	await page.getByRole('button', { name: 'Rondes openen voor de gekozen scholen' }).click();
	await expect(page.getByText('Minstens 3: anders zijn antwoorden herkenbaar.')).toBeVisible();
	await expectAccessible(page);
	// The form that was sent back stays open with its own errors; the other one is untouched.
	await expect(page.getByText('Minstens 3: anders zijn antwoorden herkenbaar.')).toHaveCount(1);
	await page.getByLabel('Titel').last().fill('Scan alle scholen');
	await page.getByLabel('Minimaal aantal respondenten').last().fill('4');
	await page.getByRole('button', { name: 'Rondes openen voor de gekozen scholen' }).click();
	await expect(
		page.getByText(`Er is een ronde geopend voor ${poSchools} scholen.`, { exact: false })
	).toBeVisible();
	// The new rounds have no respondents yet: every school is listed as not started.
	await page.goto(`/swv/${poId}`);
	await expect(notStarted.getByRole('listitem')).toHaveCount(poSchools);
	await expect(notStarted.getByText('OBS De Regenboog (ronde loopt, 0 verstuurd)')).toBeVisible();

	const after = e2eDb();
	const rows = after
		.prepare(
			"select school_id, min_respondents, opened_by_swv, released_at is not null as released from round where swv_id = ? and scope = 'school' and title = 'Scan alle scholen'"
		)
		.all(poId) as { min_respondents: number; opened_by_swv: number; released: number }[];
	expect(
		after
			.prepare("select count(*) from round where swv_id = ? and scope = 'school'")
			.pluck()
			.get(poId)
	).toBe(before + poSchools);
	after.close();
	expect(rows).toHaveLength(poSchools);
	expect(
		rows.every((r) => r.min_respondents === 4 && r.opened_by_swv === 1 && r.released === 1)
	).toBe(true);
});

test('a school coordinator extends the closing date; a date in the past is refused', async ({
	page
}) => {
	await signIn(page, 'school@example.org');
	await page.getByRole('link', { name: 'OBS De Regenboog' }).click();
	await page.getByText('Nieuwe ronde openen').click();
	await expectAccessible(page);
	await page.getByLabel('Sluitingsdatum (optioneel)').fill('2020-01-01');
	await page.getByRole('button', { name: 'Ronde openen' }).click();
	await expect(page.getByText('De sluitingsdatum moet in de toekomst liggen.')).toBeVisible();
	await page.getByLabel('Sluitingsdatum (optioneel)').fill('2099-06-30');
	await page.getByLabel('Titel').fill('Ronde met datum');
	await page.getByRole('button', { name: 'Ronde openen' }).click();
	await expect(page.getByText(/sluit 30 juni 2099/)).toBeVisible();
	await page.getByLabel('Sluitingsdatum aanpassen').fill('2020-02-02');
	await page.getByRole('button', { name: 'Datum opslaan' }).click();
	await expect(page.getByText('De nieuwe datum moet in de toekomst liggen.')).toBeVisible();
	await page.getByLabel('Sluitingsdatum aanpassen').fill('2099-07-15');
	await page.getByRole('button', { name: 'Datum opslaan' }).click();
	await expect(page.getByText('De sluitingsdatum is aangepast.')).toBeVisible();
	await expect(page.getByText(/sluit 15 juli 2099/)).toBeVisible();
});
