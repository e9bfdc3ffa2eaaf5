import { expect, test } from '@playwright/test';
import { addDays, isoDay } from '../../src/lib/domain/format';
import { e2eDb, expectAccessible, signIn } from './helpers';

/**
 * Inviting the team (issue 16): the new-round form proposes a title the school has not used, the
 * coordinator enters the team size and sees the response rate (on the round page and in the
 * school's list of rounds), and asks for reminder mails, with and without JavaScript.
 */

const one = (sql: string, ...args: unknown[]) => {
	const db = e2eDb();
	try {
		return db
			.prepare(sql)
			.pluck()
			.get(...args);
	} finally {
		db.close();
	}
};
const reminders = (roundId: number) => {
	const db = e2eDb();
	try {
		return db
			.prepare(
				'select kind, days_before as days from round_reminder where round_id = ? order by kind'
			)
			.all(roundId);
	} finally {
		db.close();
	}
};

test('team size, response rate and reminders on a new round', async ({ page, browser }) => {
	const school = one("select id from school where instellingscode = '90AA'") as number;
	const titles = (() => {
		const db = e2eDb();
		const t = db.prepare('select title from round where school_id = ?').pluck().all(school);
		db.close();
		return t as string[];
	})();

	await signIn(page, 'school@example.org');
	await page.goto(`/scholen/${school}`);
	await page.getByText('Nieuwe ronde openen').click();
	const proposed = await page.getByLabel('Titel').inputValue();
	expect(proposed).toMatch(/^Scan (voorjaar|najaar) \d{4}/);
	expect(titles, 'the proposal is not the title of an existing round').not.toContain(proposed);
	const closes = addDays(isoDay(), 20);
	await page.getByLabel('Sluitingsdatum (optioneel)').fill(closes);
	await page.getByRole('button', { name: 'Ronde openen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: proposed })).toBeVisible();
	const roundId = Number(/\/rondes\/(\d+)/.exec(page.url())![1]);

	// Team size: bad input gets a Dutch message beside the field, which takes the focus.
	const teamSize = page.getByLabel('Aantal uitgenodigden (niet verplicht)');
	await teamSize.fill('twintig');
	await page.getByRole('button', { name: 'Aantal opslaan' }).click();
	await expect(page.locator('#veld-teamSize-fout')).toContainText(
		'Vul een heel getal van 1 tot en met 1000 in.'
	);
	await expect(page.locator('#melding-teamgrootte [data-form-message]')).toBeFocused();
	expect(one('select team_size from round where id = ?', roundId)).toBeNull();
	await teamSize.fill('20');
	await page.getByRole('button', { name: 'Aantal opslaan' }).click();
	await expect(page.locator('#melding-teamgrootte')).toContainText(
		'Het aantal uitgenodigden is opgeslagen: 20.'
	);
	await expect(page.locator('#melding-teamgrootte [data-form-message]')).toBeFocused();
	await expect(
		page.getByText('0 van 20 uitgenodigden hebben hun antwoorden verstuurd (0%).')
	).toBeVisible();

	// A reminder three days before the closing date; then changed to two.
	await page.getByLabel(/Hoeveel dagen voor de sluitingsdatum/).fill('3');
	await page.getByRole('button', { name: 'Mail mij voor de sluitingsdatum' }).click();
	const message = page.locator('#melding-herinneringen');
	await expect(message).toContainText('U krijgt een mail 3 dagen voor de sluitingsdatum.');
	await expect(message.locator('[data-form-message]')).toBeFocused();
	await expect(
		page.getByText(
			/U krijgt een mail op \w+dag \d+ \w+ om 8\.00 uur: 3 dagen voor de sluitingsdatum\./
		)
	).toBeVisible();
	await page.getByLabel(/Hoeveel dagen voor de sluitingsdatum/).fill('15');
	await page.getByRole('button', { name: 'Herinnering wijzigen' }).click();
	await expect(page.locator('#veld-daysBefore-fout')).toContainText(
		'Vul een aantal dagen van 1 tot en met 14 in.'
	);
	await page.getByLabel(/Hoeveel dagen voor de sluitingsdatum/).fill('2');
	await page.getByRole('button', { name: 'Herinnering wijzigen' }).click();
	await expect(message).toContainText('U krijgt een mail 2 dagen voor de sluitingsdatum.');
	await page.getByRole('button', { name: 'Mail mij als 3 vragenlijsten zijn verstuurd' }).click();
	await expect(message).toContainText('U krijgt een mail zodra het minimum is bereikt.');
	await expect(
		page.getByText('U krijgt een mail zodra 3 vragenlijsten zijn verstuurd.')
	).toBeVisible();
	expect(reminders(roundId)).toEqual([
		{ kind: 'closing', days: 2 },
		{ kind: 'minimum', days: null }
	]);
	await expectAccessible(page);
	for (const width of [360, 320]) {
		await page.setViewportSize({ width, height: 640 });
		expect(
			await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			),
			`no sideways scroll at ${width} px`
		).toBe(0);
		await expectAccessible(page);
	}

	// Without JavaScript the forms post as usual: cancel the minimum reminder.
	const noJs = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await page.context().storageState()
	});
	const plain = await noJs.newPage();
	await plain.goto(`/rondes/${roundId}`);
	await plain.getByRole('button', { name: 'Geen mail bij het minimum' }).click();
	await expect(
		plain.getByText('De herinnering is geschrapt: u krijgt deze mail niet.')
	).toBeVisible();
	expect(new URL(plain.url()).hash).toBe('#melding-herinneringen');
	await noJs.close();
	expect(reminders(roundId)).toEqual([{ kind: 'closing', days: 2 }]);

	// The school's list of rounds shows the rate too.
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`/scholen/${school}`);
	await expect(
		page.getByRole('row').filter({ hasText: proposed }).getByRole('cell', { name: '0 van 20 (0%)' })
	).toBeVisible();

	// Clean up: other specs read the school's latest round.
	await page.goto(`/rondes/${roundId}`);
	await page.getByText('Ronde verwijderen', { exact: true }).click();
	await page.getByLabel('Typ "verwijder" om te bevestigen').fill('verwijder');
	await page.getByRole('button', { name: 'Ronde en antwoorden verwijderen' }).click();
	await expect(page).toHaveURL(new RegExp(`/scholen/${school}\\?verwijderd`));
	expect(one('select count(*) from round_reminder where round_id = ?', roundId)).toBe(0);
});
