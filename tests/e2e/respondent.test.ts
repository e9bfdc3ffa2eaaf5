import { expect, test, type Page } from '@playwright/test';
import {
	BASE,
	DEMO_PASSWORD,
	autosaveReady,
	e2eDb,
	expectAccessible,
	lastMailTo,
	sessionCookie,
	signIn
} from './helpers';

/**
 * School teams fill in the scan: the coordinator opens a round and shares its link; respondents
 * answer anonymously, page by page, with JavaScript and without, by keyboard, and continue later.
 */

const SCHOOL = '90AC'; // IKC De Vlieger (po): 52 statements in 9 themes

function schoolId(code = SCHOOL): number {
	const db = e2eDb();
	const id = db
		.prepare('select id from school where instellingscode = ?')
		.pluck()
		.get(code) as number;
	db.close();
	return id;
}

function roundInfo(roundId: number) {
	const db = e2eDb();
	const r = db
		.prepare('select share_token as token, status from round where id = ?')
		.get(roundId) as { token: string; status: string };
	const responses = db
		.prepare(
			'select id, respondent_group as grp, submitted_at as submitted, (select count(*) from answer a where a.response_id = r.id) as answers from response r where round_id = ? order by id'
		)
		.all(roundId) as {
		id: number;
		grp: string | null;
		submitted: number | null;
		answers: number;
	}[];
	db.close();
	return { ...r, responses };
}

async function coordinatorOpensRound(page: Page, title: string, code = SCHOOL) {
	const db = e2eDb();
	const email = db
		.prepare(
			'select u.email from user u join membership m on m.user_id = u.id join school s on s.id = m.school_id where s.instellingscode = ?'
		)
		.pluck()
		.get(code) as string | undefined;
	db.close();
	expect(email, 'een coördinator voor de testschool').toBeTruthy();
	await signIn(page, email!);
	await page.goto(`/scholen/${schoolId(code)}`);
	await page.getByText('Nieuwe ronde openen').click();
	await page.getByLabel('Titel').fill(title);
	await page.getByRole('button', { name: 'Ronde openen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const roundId = Number(/\/rondes\/(\d+)/.exec(page.url())![1]);
	return { roundId, link: `/s/${roundInfo(roundId).token}` };
}

test.describe.configure({ mode: 'serial' });

let round: { roundId: number; link: string };

test('a school coordinator opens a round and sees link, QR code, invitation and counts', async ({
	page,
	request
}) => {
	// The demo school coordinator of OBS De Regenboog is the only school account; give De Vlieger one.
	const admin = await sessionCookie(request, 'beheer@example.org');
	const invite = await request.post(`/scholen/${schoolId()}?/uitnodigen`, {
		form: { email: 'ib-vlieger@example.net' },
		headers: { origin: BASE, accept: 'text/html', cookie: `sessie=${admin}` }
	});
	expect(invite.status()).toBe(200);
	await page.goto(lastMailTo('ib-vlieger@example.net')!.link!);
	await page.getByLabel('Uw naam').fill('Ida Vlieger');
	await page.getByLabel('Kies een wachtwoord').fill(DEMO_PASSWORD);
	await page.getByLabel('Herhaal het wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await page.getByRole('button', { name: 'Uitloggen' }).click();

	round = await coordinatorOpensRound(page, 'Scan test najaar');
	await expectAccessible(page);
	await expect(page.getByText(`${BASE}${round.link}`)).toBeVisible();
	await expect(page.getByText(/0 vragenlijsten verstuurd\. Alleen verstuurde/)).toBeVisible();
	// Nobody answered yet: sharing comes first, with a copy button that says it copied.
	await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Delen met het team');
	await expect(page.getByRole('link', { name: 'Uitkomsten bekijken' })).not.toHaveClass(/button/);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.getByRole('button', { name: 'Link kopiëren' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De link is gekopieerd.' })
	).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${BASE}${round.link}`);
	const invitation = page.getByLabel('Uitnodiging voor mail of Teams');
	await expect(invitation).toHaveValue(new RegExp(`\\n${BASE}${round.link}\\n`));
	await expect(invitation).toHaveValue(/U vult de scan anoniem in/);
	await invitation.fill('Beste team, vul dit in: ' + BASE + round.link);
	await page.getByRole('button', { name: 'Uitnodiging kopiëren' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De uitnodiging is gekopieerd.' })
	).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		'Beste team, vul dit in: ' + BASE + round.link
	);
	const qr = await page.request.get(`/rondes/${round.roundId}/qr.svg`);
	expect(qr.headers()['content-type']).toBe('image/svg+xml');
	expect(await qr.text()).toContain('<svg');
	await page.getByRole('link', { name: 'Uitnodiging om te printen' }).click();
	// The round page shows the link too: wait for the printable page itself before checking it.
	await page.waitForURL(/\/uitnodiging$/);
	await expect(page.getByText(`${BASE}${round.link}`)).toBeVisible();
	await expectAccessible(page);
});

test('a respondent answers with JavaScript: each change is saved at once and survives a refresh', async ({
	page
}) => {
	await page.goto(round.link);
	await expect(
		page.getByRole('heading', { name: 'Scan Passend Onderwijs voor scholen' })
	).toBeVisible();
	await expect(page.getByText(/anoniem/).first()).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Leraar', { exact: true }).check();
	await page.getByRole('button', { name: 'Start de scan' }).click();
	await expect(page.getByText('Thema 1 van 9')).toBeVisible();
	await expect(page.getByText('0 van 52 stellingen beantwoord')).toBeVisible();
	await autosaveReady(page);
	await expect(
		page.getByText(/Uw hervatcode is [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/)
	).toBeVisible();
	await expectAccessible(page);

	const first = page.getByRole('group', { name: /gedeeld beeld van wat passend onderwijs/ });
	await first.getByLabel('Grotendeels').check();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	await expect(page.getByText('1 van 52 stellingen beantwoord')).toBeVisible();
	await page
		.getByLabel('Wil je iets toelichten bij dit thema? (optioneel)')
		.fill('We praten er vaak over.');
	await page.getByLabel('Wil je iets toelichten bij dit thema? (optioneel)').blur();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();

	await page.reload();
	await autosaveReady(page);
	await expect(first.getByLabel('Grotendeels')).toBeChecked();
	await expect(page.getByLabel('Wil je iets toelichten bij dit thema? (optioneel)')).toHaveValue(
		'We praten er vaak over.'
	);
	const db = e2eDb();
	const stored = db
		.prepare(
			"select a.value from answer a join response r on r.id = a.response_id where r.round_id = ? and a.item_id = 'vb-gedeelde-visie'"
		)
		.pluck()
		.all(round.roundId);
	db.close();
	expect(stored).toEqual([3]);
});

test('an answer given while the server cannot be reached is kept and sent later', async ({
	page
}) => {
	await page.goto(round.link);
	await page.getByRole('button', { name: 'Start de scan' }).click();
	await expect(page.getByText('Thema 1 van 9')).toBeVisible();
	await autosaveReady(page);
	await page.route('**/antwoord', (route) => route.abort('internetdisconnected'));
	const item = page.getByRole('group', {
		name: /visie op de ondersteuning van leerlingen staat op papier/
	});
	await item.getByLabel('Volledig').check();
	// The warning stands beside the answer it concerns.
	await expect(item.getByRole('alert')).toHaveText(/Niet opgeslagen: geen verbinding/);
	// Kept in this browser, so that a refresh or a closed tab loses nothing.
	const queued = await page.evaluate(() =>
		Object.keys(localStorage)
			.filter((k) => k.startsWith('scan-wachtrij-'))
			.map((k) => localStorage.getItem(k))
	);
	expect(queued.join()).toContain('vb-visie-in-praktijk');
	// Leaving with an answer not on the server yet asks first (the browser's own question).
	const asked = new Promise<string>((resolve) =>
		page.once('dialog', (d) => {
			resolve(d.type());
			void d.accept();
		})
	);
	await page.reload();
	expect(await asked).toBe('beforeunload');
	await page.unroute('**/antwoord');
	await expect(item.getByLabel('Volledig')).toBeChecked();
	await expect
		.poll(() => {
			const db = e2eDb();
			const n = db
				.prepare(
					"select count(*) from answer a join response r on r.id = a.response_id where r.round_id = ? and a.item_id = 'vb-visie-in-praktijk' and a.value = 4"
				)
				.pluck()
				.get(round.roundId);
			db.close();
			return n;
		})
		.toBe(1);
	await expect
		.poll(() =>
			page.evaluate(
				() => Object.keys(localStorage).filter((k) => k.startsWith('scan-wachtrij-')).length
			)
		)
		.toBe(0);
});

test('a whole scan by keyboard alone', async ({ page }) => {
	await page.goto(round.link);
	await page.getByRole('button', { name: 'Start de scan' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Thema 1 van 9')).toBeVisible();
	for (let t = 1; t <= 9; t++) {
		await expect(page.getByText(`Thema ${t} van 9`)).toBeVisible();
		const names = await page
			.locator('fieldset.item:not([hidden]) input[type=radio]')
			.evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
		for (const [k, name] of names.entries()) {
			// Tab until the focus is in this statement's radio group, then choose with the arrow keys.
			for (let i = 0; i < 40; i++) {
				const focused = await page.evaluate(
					() => (document.activeElement as HTMLInputElement | null)?.name
				);
				if (focused === name) break;
				await page.keyboard.press('Tab');
			}
			await page.keyboard.press(k % 2 ? 'ArrowRight' : 'Space');
		}
		// Tab on to the main button ("Volgende", or on the last theme "Controleren en versturen").
		const label = t < 9 ? 'Volgende' : 'Controleren en versturen';
		for (let i = 0; i < 10; i++) {
			const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
			if (
				text === label &&
				(await page.evaluate(() => document.activeElement?.closest('.actions') !== null))
			)
				break;
			await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { name: 'Controleren en versturen' })).toBeVisible();
	await expect(page.getByText('U heeft 52 van de 52 stellingen beantwoord.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Versturen' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
	await expectAccessible(page);
	const info = roundInfo(round.roundId);
	expect(info.responses.filter((r) => r.submitted && r.answers === 52)).toHaveLength(1);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a whole scan is completed, each page saved on "volgende"', async ({ page }) => {
		await page.goto(round.link);
		// No promise that every answer is saved at once: without JavaScript, "Volgende" saves.
		await expect(page.getByText(/direct bewaard/)).toHaveCount(0);
		await expect(
			page.getByText('werkt uw browser zonder JavaScript, dan bij elke druk op "Volgende"')
		).toBeVisible();
		await page.getByLabel('Intern begeleider / zorgcoördinator').check();
		await page.getByRole('button', { name: 'Start de scan' }).click();
		for (let t = 1; t <= 9; t++) {
			await expect(page.getByText(`Thema ${t} van 9`)).toBeVisible();
			await expect(
				page.getByText(
					/Uw\s+antwoorden\s+op\s+deze\s+pagina\s+worden\s+bewaard\s+als\s+u\s+op\s+"(Volgende|Controleren en versturen)"\s+drukt/
				)
			).toBeVisible();
			const groups = page.locator('fieldset.item:not([hidden])');
			const n = await groups.count();
			for (let i = 0; i < n; i++)
				await groups
					.nth(i)
					.getByRole('radio')
					.nth(i % 5)
					.check();
			await page
				.getByRole('button', { name: t < 9 ? 'Volgende' : 'Controleren en versturen', exact: true })
				.last()
				.click();
		}
		await expect(page.getByText('U heeft 52 van de 52 stellingen beantwoord.')).toBeVisible();
		await page.getByRole('button', { name: 'Versturen' }).click();
		await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
		const info = roundInfo(round.roundId);
		expect(
			info.responses.filter(
				(r) => r.grp === 'ib-zorgcoordinator' && r.submitted && r.answers === 52
			)
		).toHaveLength(1);
	});
});

test('continue on another device with the resume code; the review page links to what is open', async ({
	browser
}) => {
	const first = await browser.newContext();
	const a = await first.newPage();
	await a.goto(round.link);
	await a.getByRole('button', { name: 'Start de scan' }).click();
	await autosaveReady(a);
	await a
		.getByRole('group', { name: /gedeeld beeld/ })
		.getByLabel('Enigszins')
		.check();
	await expect(a.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	const code = /[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/.exec(
		(await a.getByText(/Uw hervatcode is/).textContent())!
	)![0];
	await first.close();

	const second = await browser.newContext();
	const b = await second.newPage();
	await b.goto(round.link);
	await b.getByText('Verder met een hervatcode').click();
	await b.getByLabel('Hervatcode').fill('AAAA-AAAA');
	await b.getByRole('button', { name: 'Verder' }).click();
	await expect(
		b.getByText(/Deze hervatcode hoort bij geen antwoorden in deze ronde/)
	).toBeVisible();
	await expectAccessible(b);
	// The form stays open after a mistake.
	await b.getByLabel('Hervatcode').fill(code.toLowerCase().replace('-', ' '));
	await b.getByRole('button', { name: 'Verder' }).click();
	await expect(b.getByText('Thema 1 van 9')).toBeVisible();
	await expect(
		b.getByRole('group', { name: /gedeeld beeld/ }).getByLabel('Enigszins')
	).toBeChecked();
	await b.getByRole('button', { name: 'Controleren en versturen' }).first().click();
	await expect(b.getByText('U heeft 1 van de 52 stellingen beantwoord.')).toBeVisible();
	await b
		.getByRole('link', { name: /visie op de ondersteuning van leerlingen staat op papier/ })
		.click();
	await expect(b).toHaveURL(/\/thema\/1#vb-visie-in-praktijk$/);
	await second.close();
});

test('bad saves are refused with a Dutch message and store nothing', async ({ page }) => {
	await page.goto(round.link);
	await page.getByRole('button', { name: 'Start de scan' }).click();
	const count = () => {
		const db = e2eDb();
		const n = db
			.prepare(
				'select count(*) from answer a join response r on r.id = a.response_id where r.round_id = ?'
			)
			.pluck()
			.get(round.roundId);
		db.close();
		return n;
	};
	const before = count();
	const post = (form: Record<string, string>, link = round.link) =>
		page.request.post(`${link}/antwoord`, {
			form,
			headers: { origin: BASE, accept: 'application/json' }
		});
	const cases: [Record<string, string>, number, string][] = [
		[{ item: 'bestaat-niet', value: '3' }, 422, 'Deze stelling bestaat niet in deze vragenlijst.'],
		[
			{ item: 'vb-gedeelde-visie', value: '7' },
			422,
			'Dit antwoord staat niet op de schaal van deze stelling.'
		],
		[
			{ item: 'os-specialistisch-aanbod-helder', value: '3' },
			422,
			'Deze stelling geldt niet voor dit type school.'
		],
		[{ item: 'vb-gedeelde-visie', value: 'drie' }, 400, 'Dit antwoord kon niet worden gelezen.'],
		[
			{ theme: 'visie-en-beleid', comment: 'x'.repeat(2001) },
			422,
			'Een toelichting is hoogstens 2000 tekens.'
		],
		[{ theme: 'bestaat-niet', comment: 'x' }, 422, 'Bij dit thema hoort geen toelichting.'],
		[{}, 400, 'Dit antwoord kon niet worden gelezen.']
	];
	for (const [form, status, message] of cases) {
		const response = await post(form);
		expect([response.status(), (await response.json()).message]).toEqual([status, message]);
	}
	const guessed = await post({ item: 'vb-gedeelde-visie', value: '3' }, '/s/' + 'a'.repeat(26));
	expect(guessed.status()).toBe(404);
	const anonymous = await page.request.post(`${round.link}/antwoord`, {
		form: { item: 'vb-gedeelde-visie', value: '3' },
		headers: { origin: BASE, cookie: '' }
	});
	expect([anonymous.status(), (await anonymous.json()).message]).toEqual([
		403,
		'Start de scan eerst via de link.'
	]);
	const foreign = await page.request.post(`${round.link}/antwoord`, {
		form: { item: 'vb-gedeelde-visie', value: '3' },
		headers: { origin: 'https://elders.example' }
	});
	expect(foreign.status()).toBe(403);
	expect(count()).toBe(before);
});

test('the page works at 320 px wide and at 200 % zoom', async ({ browser }) => {
	for (const viewport of [
		{ width: 320, height: 640 },
		{ width: 640, height: 400 }
	]) {
		const context = await browser.newContext({
			viewport,
			deviceScaleFactor: viewport.width === 640 ? 2 : 1
		});
		const page = await context.newPage();
		await page.goto(round.link);
		await page.getByRole('button', { name: 'Start de scan' }).click();
		await expect(page.getByText('Thema 1 van 9')).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `breedte ${viewport.width}`).toBeLessThanOrEqual(0);
		await context.close();
	}
});

test('the coordinator sees the counts, closes the round, and the link then accepts nothing', async ({
	page
}) => {
	await signIn(page, 'ib-vlieger@example.net');
	await page.goto(`/rondes/${round.roundId}`);
	const info = roundInfo(round.roundId);
	await expect(
		page.getByText(
			new RegExp(
				`2 vragenlijsten verstuurd; ${info.responses.length - 2}\\s+begonnen maar nog niet verstuurd`
			)
		)
	).toBeVisible();
	// Two sent, below the minimum of three: no function stands apart, and "begun" is never per function.
	await expect(page.getByRole('row', { name: /Leraar/ })).toHaveCount(0);
	await expect(page.getByRole('columnheader', { name: 'Begonnen' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Ronde sluiten' }).click();
	await expect(
		page.getByText('De ronde is gesloten. Er kunnen geen antwoorden meer worden gegeven.')
	).toBeVisible();
	await expectAccessible(page);

	const visitor = await page.context().browser()!.newContext();
	const v = await visitor.newPage();
	await v.goto(round.link);
	await expect(v.getByText(/Deze ronde is gesloten/)).toBeVisible();
	await expect(v.getByRole('button', { name: 'Start de scan' })).toHaveCount(0);
	const post = await v.request.post(`${round.link}?/start`, {
		form: {},
		headers: { origin: BASE, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(post.status()).toBe(410);
	await visitor.close();
	expect(roundInfo(round.roundId).responses.length).toBe(info.responses.length);

	await page.getByRole('button', { name: 'Ronde heropenen' }).click();
	await expect(page.getByText('De ronde is weer open.')).toBeVisible();
	await page.getByRole('button', { name: 'Nieuwe link maken' }).click();
	await expect(page.getByText(/de oude link werkt niet meer/)).toBeVisible();
	expect((await page.request.get(round.link)).status()).toBe(404);
	await page.getByText('Ronde verwijderen').click();
	await page.getByRole('button', { name: 'Ronde en antwoorden verwijderen' }).click();
	await expect(page.getByText('Typ "verwijder" om te bevestigen.')).toBeVisible();
	expect(roundInfo(round.roundId).responses.length).toBeGreaterThan(0);
	await page.getByLabel('Typ "verwijder" om te bevestigen').fill('verwijder');
	await page.getByRole('button', { name: 'Ronde en antwoorden verwijderen' }).click();
	await expect(page).toHaveURL(/\/scholen\/\d+\?verwijderd$/);
	const db = e2eDb();
	expect(
		db.prepare('select count(*) from response where round_id = ?').pluck().get(round.roundId)
	).toBe(0);
	db.close();
});

test('a signed-in user previews a questionnaire as a respondent of a school type would see it', async ({
	page
}) => {
	await signIn(page, 'school@example.org');
	await page.goto('/voorbeeld/school-scan/1?schooltype=so&thema=2');
	await expect(page.getByText("51 stellingen in 9 thema's.")).toBeVisible();
	await expect(
		page.getByRole('group', { name: /specialistische aanbod is helder omschreven/ })
	).toBeVisible();
	await expectAccessible(page);
	await page.goto('/voorbeeld/school-scan/1?schooltype=vo&thema=2');
	await expect(page.getByText("53 stellingen in 9 thema's.")).toBeVisible();
	await expect(page.getByRole('group', { name: /specialistische aanbod/ })).toHaveCount(0);
});
