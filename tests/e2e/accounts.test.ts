import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, e2eDb, expectAccessible, lastMailTo, signIn } from './helpers';

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible();
}

test('invite → accept → sign in → sign out → reset password by mail → sign in with the new password', async ({
	page
}) => {
	const email = `nieuw-${Date.now()}@example.net`;

	// An admin invites a coordinator for the PO SWV.
	await signIn(page, 'beheer@example.org', DEMO_PASSWORD);
	await expect(page.getByRole('heading', { name: 'Mijn overzicht' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Naar beheer' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Samenwerkingsverbanden en scholen' }).click();
	await expectAccessible(page);
	await page
		.getByRole('link', { name: /Lindewaard \(demo\)$/ })
		.first()
		.click();
	await expectAccessible(page);
	await page.getByLabel('Coördinator uitnodigen (e-mailadres)').fill(email);
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(page.getByText(`Er is een uitnodiging gestuurd naar ${email}.`)).toBeVisible();
	await expect(page.getByText(/Openstaande uitnodigingen/)).toBeVisible();
	await signOut(page);

	// The invitation arrives by mail; its link creates the account.
	const invitation = lastMailTo(email);
	expect(invitation?.subject).toContain('Uitnodiging');
	expect(invitation?.link).toMatch(/\/uitnodigingen\/[a-z2-7]{32}$/);
	await page.goto(invitation!.link!);
	await expect(
		page.getByText(/U bent uitgenodigd als coördinator van Samenwerkingsverband/)
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Uw naam').fill('Nina Nieuw');
	await page.getByLabel('Kies een wachtwoord').fill('eerste-wachtwoord');
	await page.getByLabel('Herhaal het wachtwoord').fill('eerste-wachtwoord');
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByText('Welkom! Uw uitnodiging is aangenomen.')).toBeVisible();
	await expect(
		page.getByRole('link', { name: /Samenwerkingsverband Passend Onderwijs Lindewaard/ })
	).toBeVisible();
	await signOut(page);

	// The link works once.
	const replay = await page.goto(invitation!.link!);
	expect(replay?.status()).toBe(410);
	await expect(
		page.getByText('Deze uitnodiging is al gebruikt. Log in met uw account.')
	).toBeVisible();

	// Sign in and out with the new account.
	await signIn(page, email, 'eerste-wachtwoord');
	await expect(page.getByRole('heading', { name: 'Mijn overzicht' })).toBeVisible();
	await signOut(page);

	// Forgotten password: the mailed link sets a new one.
	await page.goto('/wachtwoord-vergeten');
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByText(/ontvangt u binnen enkele minuten een e-mail/)).toBeVisible();
	const reset = lastMailTo(email);
	expect(reset?.subject).toBe('Nieuw wachtwoord voor de Scan Passend Onderwijs');
	await page.goto(reset!.link!);
	await expectAccessible(page);
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('tweede-wachtwoord');
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('tweede-wachtwoord');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(
		page.getByText('Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord.')
	).toBeVisible();

	// The old password no longer works; the new one does.
	await signIn(page, email, 'eerste-wachtwoord');
	await expect(page.getByText(/horen niet bij elkaar/)).toBeVisible();
	await expectAccessible(page);
	await signIn(page, email, 'tweede-wachtwoord');
	await expect(page.getByRole('heading', { name: 'Mijn overzicht' })).toBeVisible();

	// The reset link was single-use.
	expect((await page.goto(reset!.link!))?.status()).toBe(410);

	const db = e2eDb();
	const actions = db
		.prepare(
			"select action from audit_event where action like 'uitnodiging.%' or action like 'wachtwoord.%' order by id"
		)
		.pluck()
		.all();
	db.close();
	expect(actions).toEqual(
		expect.arrayContaining([
			'uitnodiging.verstuurd',
			'uitnodiging.aangenomen',
			'wachtwoord.herstel-aangevraagd',
			'wachtwoord.hersteld'
		])
	);
});

test('forgotten password gives the same answer for an unknown address and sends nothing', async ({
	page
}) => {
	await page.goto('/wachtwoord-vergeten');
	await page.getByLabel('E-mailadres').fill('niemand@example.net');
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByText(/Als er een account bij niemand@example.net hoort/)).toBeVisible();
	expect(lastMailTo('niemand@example.net')).toBeNull();
});

test('the account page changes the name and the password, which signs out other sessions', async ({
	page,
	browser
}) => {
	await signIn(page, 'school-b@example.org', DEMO_PASSWORD);
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await signIn(otherPage, 'school-b@example.org', DEMO_PASSWORD);
	await expect(otherPage.getByRole('heading', { name: 'Mijn overzicht' })).toBeVisible();

	await page.goto('/account');
	await expectAccessible(page);
	await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Kees J.');
	await page.getByRole('button', { name: 'Naam opslaan' }).click();
	await expect(page.getByText('Uw naam is opgeslagen.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kees J.' })).toBeVisible();

	await page.getByLabel('Huidig wachtwoord').fill('fout-wachtwoord');
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('nieuw-wachtwoord-1');
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('nieuw-wachtwoord-1');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByText('Dit is niet uw huidige wachtwoord.')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Huidig wachtwoord').fill(DEMO_PASSWORD);
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('nieuw-wachtwoord-1');
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('nieuw-wachtwoord-1');
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByText(/Uw wachtwoord is gewijzigd/)).toBeVisible();
	// This browser stays signed in; the other one was signed out.
	await page.goto('/overzicht');
	await expect(page.getByRole('heading', { name: 'Mijn overzicht' })).toBeVisible();
	await otherPage.goto('/overzicht');
	await expect(otherPage).toHaveURL(/\/inloggen\?naar=%2Foverzicht$/);
	await other.close();

	// Put the demo password back for the other tests.
	await page.goto('/account');
	await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Kees Jansen');
	await page.getByRole('button', { name: 'Naam opslaan' }).click();
	await page.getByLabel('Huidig wachtwoord').fill('nieuw-wachtwoord-1');
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(page.getByText(/Uw wachtwoord is gewijzigd/)).toBeVisible();
});

test('sign-in is throttled per account after five failures, without saying whether it exists', async ({
	page
}) => {
	for (const email of ['swv-vo@example.org', 'bestaat-niet@example.net']) {
		for (let i = 0; i < 5; i++) {
			await signIn(page, email, 'verkeerd-wachtwoord');
			await expect(page.getByText(/horen niet bij elkaar/)).toBeVisible();
		}
		await signIn(page, email, DEMO_PASSWORD);
		await expect(
			page.getByText('Te veel inlogpogingen. Wacht een kwartier en probeer het dan opnieuw.')
		).toBeVisible();
	}
});

test('an invitation for someone who already has an account adds the role to that account', async ({
	page
}) => {
	const db = e2eDb();
	const school = db
		.prepare("select id from school where instellingscode = '90AD'")
		.pluck()
		.get() as number;
	db.close();
	await signIn(page, 'beheer@example.org');
	await page.goto(`/scholen/${school}`);
	await page.getByLabel('E-mailadres').fill('school-b@example.org');
	await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
	await expect(
		page.getByText('Er is een uitnodiging gestuurd naar school-b@example.org.')
	).toBeVisible();
	await page.getByRole('button', { name: 'Uitloggen' }).click();

	const link = lastMailTo('school-b@example.org')!.link!;
	await page.goto(link);
	await expect(page.getByText('Er is al een account voor school-b@example.org.')).toBeVisible();
	await page.getByRole('link', { name: 'Inloggen' }).last().click();
	await page.getByLabel('E-mailadres').fill('school-b@example.org');
	await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/uitnodigingen\//);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
	await expect(page.getByText('Welkom! Uw uitnodiging is aangenomen.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'CBS Het Kompas' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Basisschool De Wilgenhoek' })).toBeVisible();
});
