import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { E2E_DATA, e2eDb, expectAccessible, lastMailTo, signIn } from './helpers';

const countSchools = () => {
	const db = e2eDb();
	const n = db.prepare('select count(*) from school').pluck().get() as number;
	db.close();
	return n;
};

test('CSV import: reports per line, imports nothing from a file with errors unless asked', async ({
	page
}) => {
	const file = join(E2E_DATA, 'duo-scholen.csv');
	writeFileSync(
		file,
		[
			'INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;SWV;SOORT PO',
			'77AA;77AA00;"Basisschool De Linde; locatie Noord";Lindewaard;PO 27-99;bo',
			'77AB;00;SBO Het Anker;Oosterbroek;PO 27-99;sbo',
			'77AC;00;School zonder SWV;Westerdijk;PO 99-99;bo',
			'90AA;00;OBS De Regenboog;Lindewaard;PO 27-99;bo'
		].join('\r\n')
	);
	const before = countSchools();
	await signIn(page, 'beheer@example.org');
	await page.goto('/beheer/import');
	// The page itself shows what a file looks like (admins of a hosted app have no README).
	await expect(page.locator('pre')).toContainText(
		'INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;SWV;SOORT PO'
	);
	await expectAccessible(page);
	await page.getByLabel('CSV-bestand').setInputFiles(file);
	await page.getByRole('button', { name: 'Alleen controleren' }).click();
	await expect(page.getByText('2 scholen kunnen worden geïmporteerd.')).toBeVisible();
	await expect(page.getByText('Regel 4: onbekend samenwerkingsverband "PO 99-99"')).toBeVisible();
	await expect(page.getByText('Regel 5: 90AA00 bestaat al; niet gewijzigd')).toBeVisible();
	await expectAccessible(page);
	expect(countSchools()).toBe(before);

	await page.getByLabel('CSV-bestand').setInputFiles(file);
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByText(/Er is niets geïmporteerd: 1 regel heeft een fout/)).toBeVisible();
	expect(countSchools()).toBe(before);

	await page.getByLabel('CSV-bestand').setInputFiles(file);
	await page.getByLabel(/importeer de goede regels/).check();
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByText('2 scholen geïmporteerd.')).toBeVisible();
	expect(countSchools()).toBe(before + 2);
	const db = e2eDb();
	expect(
		db.prepare("select name, school_type from school where instellingscode = '77AA'").raw().get()
	).toEqual(['Basisschool De Linde; locatie Noord', 'po']);
	db.close();
});

test('CSV import keeps the pasted lines after "Alleen controleren", so a wrong line can be corrected', async ({
	page
}) => {
	const before = countSchools();
	await signIn(page, 'beheer@example.org');
	await page.goto('/beheer/import');
	const pasted = [
		'INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;SWV;SOORT PO',
		'78AA;00;Basisschool Het Plakken;Lindewaard;PO 99-98;bo'
	].join('\n');
	await page.getByLabel('Of plak de regels hier').fill(pasted);
	await page.getByRole('button', { name: 'Alleen controleren' }).click();
	await expect(page.getByText('Regel 2: onbekend samenwerkingsverband "PO 99-98"')).toBeVisible();
	await expect(page.getByLabel('Of plak de regels hier')).toHaveValue(pasted);
	// Corrected in place, then imported.
	await page.getByLabel('Of plak de regels hier').fill(pasted.replace('PO 99-98', 'PO 27-99'));
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByText('1 school geïmporteerd.')).toBeVisible();
	expect(countSchools()).toBe(before + 1);
});

test('an admin resends an invitation (the old link stops working) and deactivates an account', async ({
	page,
	browser
}) => {
	await signIn(page, 'beheer@example.org');
	const school = e2eDb();
	const id = school.prepare("select id from school where instellingscode = '90AJ'").pluck().get();
	school.close();
	await page.goto(`/beheer/scholen/${id}`);
	await expectAccessible(page);
	await page.goto(`/scholen/${id}`);
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill('ib-ark@example.net');
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(
		page.getByText('Er is een uitnodiging gestuurd naar ib-ark@example.net.')
	).toBeVisible();
	const first = lastMailTo('ib-ark@example.net')!.link!;

	await page.goto('/beheer/accounts');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Opnieuw versturen aan ib-ark@example.net' }).click();
	await expect(
		page.getByText(
			/nieuwe uitnodiging gestuurd naar ib-ark@example.net; de oude link werkt niet meer/
		)
	).toBeVisible();
	const second = lastMailTo('ib-ark@example.net')!.link!;
	expect(second).not.toBe(first);
	const visitor = await browser.newContext();
	const v = await visitor.newPage();
	expect((await v.goto(first))?.status()).toBe(410);
	expect((await v.goto(second))?.status()).toBe(200);
	await expect(v.getByText(/coördinator van CBS De Ark/)).toBeVisible();

	// Deactivating ends the account's sessions and refuses its sign-in.
	await signIn(v, 'school-b@example.org');
	await expect(v.getByRole('heading', { name: 'Mijn overzicht' })).toBeVisible();
	await page.getByRole('button', { name: 'Deactiveren school-b@example.org' }).click();
	await expect(page.getByText('school-b@example.org is gedeactiveerd.')).toBeVisible();
	await v.goto('/overzicht');
	await expect(v).toHaveURL(/\/inloggen/);
	await signIn(v, 'school-b@example.org');
	await expect(v.getByText(/horen niet bij elkaar, of het account is niet actief/)).toBeVisible();
	await page.getByRole('button', { name: 'Activeren school-b@example.org' }).click();
	await expect(page.getByText('school-b@example.org is weer actief.')).toBeVisible();
	await visitor.close();

	await page.goto('/beheer/audit');
	await expectAccessible(page);
	await expect(page.getByRole('cell', { name: 'account.gedeactiveerd' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'uitnodiging.verstuurd' }).first()).toBeVisible();
});

test('an SWV coordinator sees its schools and invites a school coordinator; a school coordinator its co-coordinator', async ({
	page
}) => {
	await signIn(page, 'swv@example.org');
	await page
		.getByRole('link', { name: /Samenwerkingsverband Passend Onderwijs Lindewaard/ })
		.click();
	await expect(page.getByRole('row', { name: /SO De Kiem/ })).toBeVisible();
	// Only its own schools: none of the VO SWV's.
	await expect(page.getByRole('row', { name: /Lindewaard College/ })).toHaveCount(0);
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill('directie-vlieger@example.net');
	await page.getByLabel('Als').selectOption({ label: 'Coördinator van IKC De Vlieger' });
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(
		page.getByText('Er is een uitnodiging gestuurd naar directie-vlieger@example.net.')
	).toBeVisible();
	expect(lastMailTo('directie-vlieger@example.net')?.subject).toContain(
		'coördinator van IKC De Vlieger'
	);
	await page.getByRole('button', { name: 'Uitloggen' }).click();

	await signIn(page, 'school@example.org');
	await page.getByRole('link', { name: 'OBS De Regenboog' }).click();
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill('collega@example.net');
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(
		page.getByText('Er is een uitnodiging gestuurd naar collega@example.net.')
	).toBeVisible();
	await expect(page.getByText(/collega@example.net \(geldig tot/)).toBeVisible();
});

test('an admin deletes a school with everything in it, after typing "verwijder"', async ({
	page
}) => {
	const db = new Database(join(E2E_DATA, 'scan.db'));
	const swvId = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	const schoolId = db
		.prepare(
			"insert into school (swv_id, instellingscode, vestiging, name, place, school_type) values (?, '66ZZ', '00', 'De Opheffing', 'Lindewaard', 'po') returning id"
		)
		.pluck()
		.get(swvId) as number;
	db.close();
	await signIn(page, 'beheer@example.org');
	await page.goto(`/beheer/scholen/${schoolId}`);
	await page.getByText('School verwijderen').click();
	await expectAccessible(page);
	await page.getByLabel('Typ "verwijder" om te bevestigen').fill('weg');
	await page.getByRole('button', { name: 'School en alles erin verwijderen' }).click();
	await expect(page.getByText('Typ "verwijder" om te bevestigen.')).toBeVisible();
	await page.getByLabel('Typ "verwijder" om te bevestigen').fill('verwijder');
	await page.getByRole('button', { name: 'School en alles erin verwijderen' }).click();
	await expect(page).toHaveURL(new RegExp(`/beheer/swv/${swvId}\\?verwijderd`));
	const check = e2eDb();
	expect(check.prepare('select count(*) from school where id = ?').pluck().get(schoolId)).toBe(0);
	check.close();
	await page.goto('/beheer/audit');
	await expect(page.getByRole('cell', { name: 'school.verwijderd' })).toBeVisible();
});

test('an admin adds a school to an SWV through its labelled fields, and edits it', async ({
	page
}) => {
	const db = e2eDb();
	const swvId = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	db.close();
	await signIn(page, 'beheer@example.org');
	await page.goto(`/beheer/swv/${swvId}`);
	await expectAccessible(page);
	// The SWV's own form has a "Naam" too: each label names its own field.
	const add = page.locator('form[action^="?/school"]');
	await add.getByLabel('Instellingscode (BRIN)').fill('55AA');
	await add.getByLabel('Naam', { exact: true }).fill('De Nieuwe School');
	await add.getByLabel('Plaats', { exact: true }).fill('Lindewaard');
	await add.getByLabel('Schooltype').selectOption('sbo');
	await add.getByRole('button', { name: 'School toevoegen' }).click();
	await expect(page.getByText('De Nieuwe School is toegevoegd.')).toBeVisible();
	await expect(page.getByLabel('Naam', { exact: true }).first()).toHaveValue(
		'Samenwerkingsverband Passend Onderwijs Lindewaard (demo)'
	);
	await page.getByRole('link', { name: 'De Nieuwe School' }).click();
	await expectAccessible(page);
	await expect(page.getByLabel('Schooltype')).toHaveValue('sbo');
	await page.getByLabel('Plaats').fill('Oosterbroek');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('De school is opgeslagen.')).toBeVisible();
	const check = e2eDb();
	expect(
		check
			.prepare("select name, place, school_type from school where instellingscode = '55AA'")
			.raw()
			.get()
	).toEqual(['De Nieuwe School', 'Oosterbroek', 'sbo']);
	check.close();
	// Gone again, so the specs after this one see the demo's schools.
	await page.getByText('School verwijderen').click();
	await page.getByLabel('Typ "verwijder" om te bevestigen').fill('verwijder');
	await page.getByRole('button', { name: 'School en alles erin verwijderen' }).click();
	await expect(page).toHaveURL(new RegExp(`/beheer/swv/${swvId}\\?verwijderd`));
});
