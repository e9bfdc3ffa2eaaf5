import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Locator } from '@playwright/test';
import {
	E2E_DATA,
	expectAccessible,
	signIn,
	roundWithAnswers,
	roundWithItemAnswers
} from './helpers';

/** What a chart draws: the labels and values chart.js holds, as the chart writes them down. */
async function drawn(chart: Locator) {
	const json = await chart.locator('canvas').getAttribute('data-drawn');
	return json
		? (JSON.parse(json) as {
				labels: string[];
				datasets: { label: string; data: (number | null)[] }[];
				axes: Record<string, unknown[]>;
			})
		: null;
}

/**
 * The results page shows what the scoring core computes, number by number, for a round with
 * known answers (written straight into the test server's database).
 */

test('the results page shows, number by number, what the answers add up to', async ({ page }) => {
	// visie-en-beleid: 4, 4, 3, 3, 2 on every statement → mean 73.3 (3,2 on 1–4) → 73, Functionerend.
	// ondersteuningsstructuur: 1, 1, 2, 2 and one "weet ik niet" → 16.7 (1,5) → 17, Verkennen.
	const id = roundWithAnswers(
		'Bekende antwoorden',
		[
			[4, 1],
			[4, 1],
			[3, 2],
			[3, 2],
			[2, 0]
		],
		{ comment: 'We bespreken dit elke maand.' }
	);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Uitkomsten: Bekende antwoorden'
	);
	await expect(
		page.getByText('Scan Passend Onderwijs voor scholen, versie 1 · 5 respondenten')
	).toBeVisible();

	const row = (name: string) =>
		page
			.getByRole('table', { name: 'Score, niveau en signalen per thema' })
			.getByRole('row', { name: new RegExp(`^${name}`) });
	await expect(row('Visie en beleid').getByRole('cell')).toHaveText([
		'73',
		'Functionerend',
		'Gaat goed',
		''
	]);
	await expect(row('Basisondersteuning').getByRole('cell')).toHaveText([
		'17',
		'Verkennen',
		'Risico',
		''
	]);
	await expect(row('Positie van ouders').getByRole('cell')).toHaveText([
		'—',
		'te weinig antwoorden',
		'—',
		''
	]);
	await expect(
		page.getByText("Gemiddeld over alle thema's: 45 van 100 (In ontwikkeling).")
	).toBeVisible();

	// The chart of the themes, with its text alternative naming the same numbers.
	const chart = page.getByRole('img', { name: /^Staafdiagram van de score per thema: / });
	await expect(chart).toHaveAccessibleName(
		/Visie en beleid 73 \(Functionerend\); Basisondersteuning en ondersteuningsstructuur 17 \(Verkennen\)\./
	);
	// What the chart draws (chart.js's own data, written beside the canvas): the scored themes.
	await expect
		.poll(() => drawn(chart))
		.toMatchObject({
			labels: [
				'Visie en beleid — Functionerend',
				'Basisondersteuning en ondersteuningsstructuur — Verkennen'
			],
			datasets: [{ label: 'Score (0–100)', data: [73, 17] }]
		});

	const summary = page.getByRole('region', { name: 'Samenvatting' });
	await expect(
		summary.getByRole('heading', { name: 'Gaat goed' }).locator('..').getByRole('listitem')
	).toHaveText(['Visie en beleid (Functionerend)']);
	await expect(
		summary.getByRole('heading', { name: "Risico's" }).locator('..').getByRole('listitem')
	).toHaveText(['Basisondersteuning en ondersteuningsstructuur (Verkennen)']);

	// The themes start closed: a heading and a score each. The table of contents opens one.
	const contents = page.getByRole('navigation', { name: 'Op deze pagina' });
	const statements = page.getByRole('table', {
		name: 'Antwoorden per stelling bij Visie en beleid'
	});
	await expect(statements).toBeHidden();
	await contents.getByRole('link', { name: 'Visie en beleid' }).click();
	await expect(statements).toBeVisible();
	await page
		.getByRole('region', { name: 'Basisondersteuning en ondersteuningsstructuur' })
		.getByText('Antwoorden per stelling', { exact: true })
		.click();
	await expect(statements.getByRole('columnheader')).toHaveText([
		'Stelling',
		'Gemiddeld (1–4)',
		'Niet',
		'Enigszins',
		'Grotendeels',
		'Volledig',
		'Weet ik niet',
		'Aantal antwoorden'
	]);
	await expect(statements.getByRole('row', { name: /gedeeld beeld/ }).getByRole('cell')).toHaveText(
		['3,2', '0', '1', '2', '2', '0', '5']
	);
	const os = page.getByRole('table', { name: /Antwoorden per stelling bij Basisondersteuning/ });
	await expect(
		os.getByRole('row', { name: /Iedereen in het team weet/ }).getByRole('cell')
	).toHaveText(['1,5', '2', '2', '0', '0', '1', '5']);
	await expect(page.getByText('"Weet ik niet": 20% van de antwoorden.')).toBeVisible();

	// Recommendations: the weakest theme first, with offers that fit its level and a po school.
	const offers = page.getByRole('region', { name: /Aan de slag/ });
	await expect(offers.getByRole('heading', { level: 3 })).toHaveText([
		'Basisondersteuning en ondersteuningsstructuur (Verkennen)',
		'Visie en beleid (Functionerend)'
	]);
	await expect(offers.getByRole('listitem').first()).toBeVisible();
	await expect(offers.getByText('binnenkort')).toHaveCount(0);

	await expect(page.getByRole('heading', { name: 'Toelichtingen (1)' })).toBeVisible();
	await expect(page.getByText('We bespreken dit elke maand.')).toBeVisible();
	// All five are teachers: one group is the whole round, shown as such.
	await expect(page.getByRole('columnheader', { name: 'Leraar (5)' })).toBeVisible();
	await expectAccessible(page);
});

test('below the minimum the page gives only the count and what is needed', async ({ page }) => {
	const id = roundWithAnswers(
		'Te weinig',
		[
			[4, 4],
			[1, 1]
		],
		{ comment: 'Mag niemand zien.' }
	);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	const status = page.getByRole('status');
	await expect(status).toContainText(
		'2 mensen hebben de antwoorden verstuurd; uitkomsten verschijnen vanaf 3 verstuurde vragenlijsten'
	);
	await expect(status).toContainText('Nog 1 nodig.');
	await expect(page.getByRole('table')).toHaveCount(0);
	await expect(page.getByText('Mag niemand zien.')).toHaveCount(0);
	// Nothing to share with the SWV yet: the page says why, and the server refuses it too.
	const sharing = page.getByRole('region', { name: 'Delen met het samenwerkingsverband' });
	await expect(sharing).toContainText(
		'Delen kan nog niet. Er zijn 2 vragenlijsten verstuurd; delen kan vanaf 3'
	);
	await expect(sharing.getByRole('button', { name: 'Uitkomsten delen' })).toHaveCount(0);
	const forced = await page.request.post(`/rondes/${id}/resultaten?/vrijgeven`, {
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		form: { note: '', confirm: 'ja' }
	});
	expect(forced.status()).toBe(409);
	expect(
		new Database(join(E2E_DATA, 'scan.db'), { readonly: true })
			.prepare('select released_at from round where id = ?')
			.pluck()
			.get(id)
	).toBeNull();
	await expectAccessible(page);

	// Another school's coordinator gets nothing.
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await signIn(page, 'school-b@example.org');
	expect((await page.goto(`/rondes/${id}/resultaten`))?.status()).toBe(404);
});

test('an action plan of at most three themes, shown with these results and beside the next round', async ({
	page
}) => {
	const first = roundWithAnswers('Plan eerste ronde', [
		[2, 1],
		[2, 2],
		[3, 1]
	]);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${first}/resultaten`);
	await page.getByRole('link', { name: 'Actieplan maken' }).click();
	await page.waitForURL(/\/actieplan$/);
	await expectAccessible(page);
	// The form sends without a reload: each addition is awaited by its new row, as a user would.
	const add = async (theme: string, action: string, added = true) => {
		await page.getByLabel('Thema').selectOption({ label: theme });
		await page.getByLabel('Actie', { exact: true }).fill(action);
		await page.getByLabel('Trekker').fill('intern begeleider');
		await page.getByRole('button', { name: 'Actie toevoegen' }).click();
		if (added) await expect(page.getByRole('cell', { name: action, exact: true })).toBeVisible();
	};
	await add('Visie en beleid', 'Studiedag over onze visie');
	await expect(page.getByText('De actie is toegevoegd.')).toBeVisible();
	await add('Positie van ouders', 'Ouderavond over het OPP');
	await add('Kwaliteitszorg en cultuur', 'Jaarlijkse evaluatie inplannen');
	await add('Positie van de leerling', 'Leerlingpanel', false);
	await expect(
		page.getByText("Een actieplan richt zich op hoogstens 3 thema's.", { exact: false })
	).toBeVisible();
	await expect(page.getByRole('row')).toHaveCount(6); // three tables: header + one action each
	await page.getByLabel('Stand van "Studiedag over onze visie"').selectOption({ label: 'Bezig' });
	await page.getByRole('button', { name: 'Opslaan stand van "Studiedag over onze visie"' }).click();
	await expect(page.getByText('De stand is bijgewerkt.')).toBeVisible();
	await page.getByRole('button', { name: 'Verwijderen "Jaarlijkse evaluatie inplannen"' }).click();
	await expect(page.getByText('De actie is verwijderd.')).toBeVisible();

	await page.goto(`/rondes/${first}/resultaten`);
	const plan = page.getByRole('region', { name: 'Actieplan' });
	await expect(plan.getByRole('listitem')).toHaveText([
		'Positie van ouders: Ouderavond over het OPP — intern begeleider, Gepland',
		'Visie en beleid: Studiedag over onze visie — intern begeleider, Bezig'
	]);

	const next = roundWithAnswers('Plan tweede ronde', [
		[3, 2],
		[3, 3],
		[4, 2]
	]);
	await page.goto(`/rondes/${next}/resultaten`);
	await expect(
		page.getByRole('heading', { name: 'Actieplan uit de vorige ronde (Plan eerste ronde)' })
	).toBeVisible();
	await expect(page.getByText('Visie en beleid: Studiedag over onze visie — Bezig')).toBeVisible();
});

test('the team-conversation view shows one theme at a time with its questions', async ({
	page
}) => {
	const id = roundWithAnswers('Teamgesprek', [
		[4, 1],
		[3, 1],
		[3, 2],
		[2, 2],
		[4, 0]
	]);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/gesprek`);
	await expect(page.getByText('Thema 1 van 9')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visie en beleid');
	await expect(page.getByRole('heading', { name: 'Om over te praten' })).toBeVisible();
	await expect(
		page.getByText('Wat verstaan wij onder passend onderwijs, en waar merkt een leerling dat?')
	).toBeVisible();
	const chart = page.getByRole('img', { name: /Gestapeld staafdiagram van de antwoorden/ });
	await expect(chart).toHaveAccessibleName(/per stelling bij Visie en beleid/);
	// Per answer option, how many gave it on the first statement: 4, 3, 3, 2, 4.
	const firstStatement = async () =>
		(await drawn(chart))?.datasets.map((d) => `${d.label} ${d.data[0]}`);
	await expect
		.poll(firstStatement)
		.toEqual(['Niet 0', 'Enigszins 1', 'Grotendeels 2', 'Volledig 2', 'Weet ik niet 0']);
	// The statements are named beside their bars, and the counts axis has whole numbers only.
	const axes = (await drawn(chart))!.axes;
	expect(axes.y!.slice(0, 2)).toEqual(['Stelling 1', 'Stelling 2']);
	expect(axes.x!.every((t) => /^\d+$/.test(String(t)))).toBe(true);
	const before = await chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Volgend thema' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Basisondersteuning en ondersteuningsstructuur'
	);
	await expect(page.getByText('Thema 2 van 9')).toBeVisible();
	// The chart follows: the second theme's answers (1, 1, 2, 2 and one "weet ik niet"), drawn anew.
	await expect(chart).toHaveAccessibleName(/per stelling bij Basisondersteuning/);
	await expect
		.poll(firstStatement)
		.toEqual(['Niet 2', 'Enigszins 2', 'Grotendeels 0', 'Volledig 0', 'Weet ik niet 1']);
	expect(await chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(
		before
	);
});

/** The demo school's newest finished round: real-sized answers on every theme. */
function demoRound(): { id: number; themes: number } {
	const db = new Database(join(E2E_DATA, 'scan.db'), { readonly: true });
	const id = db
		.prepare(
			"select r.id from round r join school s on s.id = r.school_id where s.instellingscode = '90AA' and r.title = 'Scan najaar 2026'"
		)
		.pluck()
		.get() as number;
	db.close();
	return { id, themes: 9 };
}

test('the team conversation moves between themes by arrow keys and presenter clicker keys', async ({
	page
}) => {
	const { id } = demoRound();
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/gesprek`);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText('Visie en beleid');
	// The page's script has started once the chart is drawn.
	await expect(page.locator('canvas[data-drawn]')).toHaveCount(1);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText('Thema 2 van 9')).toBeVisible();
	await expect(heading).toHaveText('Basisondersteuning en ondersteuningsstructuur');
	await page.keyboard.press('PageDown');
	await expect(page.getByText('Thema 3 van 9')).toBeVisible();
	await expect(page).toHaveURL(/\?thema=3$/);
	await page.keyboard.press('PageUp');
	await expect(page.getByText('Thema 2 van 9')).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByText('Thema 1 van 9')).toBeVisible();
	// Before the first theme there is nothing: the key does nothing.
	await expect(page).toHaveURL(/\?thema=1$/);
	await page.keyboard.press('PageUp');
	await page.waitForTimeout(300);
	await expect(page).toHaveURL(/\?thema=1$/);
	await expect(page.getByText('Thema 1 van 9')).toBeVisible();
	// The chart follows the keys as it follows the links.
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('img', { name: /Gestapeld staafdiagram/ })).toHaveAccessibleName(
		/per stelling bij Basisondersteuning/
	);
	// The fullscreen control is offered outside fullscreen only; the keys keep the stage fullscreen.
	await page.getByRole('button', { name: 'Volledig scherm' }).click();
	await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName)).toBe('SECTION');
	await expect(page.getByRole('button', { name: 'Volledig scherm' })).toHaveCount(0);
	await page.keyboard.press('PageDown');
	await expect(page.getByText('Thema 3 van 9')).toBeVisible();
	expect(await page.evaluate(() => document.fullscreenElement?.tagName)).toBe('SECTION');
	await page.evaluate(() => document.exitFullscreen());
	await expect(page.getByRole('button', { name: 'Volledig scherm' })).toBeVisible();
});

for (const size of [
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
]) {
	test(`the team conversation fits a ${size.width}×${size.height} projector on every theme, in large type`, async ({
		page
	}) => {
		const { id, themes } = demoRound();
		await page.setViewportSize(size);
		await signIn(page, 'school@example.org');
		for (let n = 1; n <= themes; n++) {
			await page.goto(`/rondes/${id}/gesprek?thema=${n}`);
			await expect(page.getByText(`Thema ${n} van ${themes}`)).toBeVisible();
			await expect(page.locator('canvas[data-drawn]')).toHaveCount(1);
			const fit = await page.evaluate(() => ({
				height: document.documentElement.scrollHeight,
				width: document.documentElement.scrollWidth,
				innerHeight: innerHeight,
				innerWidth: innerWidth
			}));
			expect(fit.height, `thema ${n}: geen verticale scroll`).toBeLessThanOrEqual(fit.innerHeight);
			expect(fit.width, `thema ${n}: geen horizontale scroll`).toBeLessThanOrEqual(fit.innerWidth);
			// Theme, chart and discussion questions all on the screen, side by side.
			const chart = await page.getByRole('img', { name: /Gestapeld staafdiagram/ }).boundingBox();
			const talk = await page.getByRole('heading', { name: 'Om over te praten' }).boundingBox();
			const lastQuestion = await page.locator('.questions li').last().boundingBox();
			expect(chart!.y + chart!.height).toBeLessThanOrEqual(size.height);
			expect(lastQuestion!.y + lastQuestion!.height).toBeLessThanOrEqual(size.height);
			expect(talk!.x, 'de vragen staan naast de grafiek').toBeGreaterThan(chart!.x + chart!.width);
			// Readable from the back of the room: the body text and the questions at 24 px or more.
			const sizes = await page.evaluate(() =>
				[
					document.querySelector('.stage'),
					document.querySelector('.big'),
					...document.querySelectorAll('.questions li'),
					...document.querySelectorAll('.statements summary')
				].map((e) => parseFloat(getComputedStyle(e!).fontSize))
			);
			for (const px of sizes) expect(px).toBeGreaterThanOrEqual(24);
		}
		await expectAccessible(page);
	});
}

test('the team conversation reflows on a phone: stacked, no sideways scroll', async ({ page }) => {
	const { id } = demoRound();
	await signIn(page, 'school@example.org');
	for (const width of [360, 320]) {
		await page.setViewportSize({ width, height: 740 });
		await page.goto(`/rondes/${id}/gesprek?thema=2`);
		await expect(page.locator('canvas[data-drawn]')).toHaveCount(1);
		const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scroll).toBeLessThanOrEqual(width);
		const chart = await page.getByRole('img', { name: /Gestapeld staafdiagram/ }).boundingBox();
		const talk = await page.getByRole('heading', { name: 'Om over te praten' }).boundingBox();
		expect(talk!.y, 'de vragen onder de grafiek').toBeGreaterThan(chart!.y + chart!.height);
		await expectAccessible(page);
	}
});

test('results stand beside the previous round and other schools that shared theirs', async ({
	page
}) => {
	const db = new Database(join(E2E_DATA, 'scan.db'), { readonly: true });
	const id = db
		.prepare(
			"select r.id from round r join school s on s.id = r.school_id where s.instellingscode = '90AA' and r.title = 'Scan najaar 2026'"
		)
		.pluck()
		.get() as number;
	db.close();
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	const table = page.getByRole('table', {
		name: 'Score per thema naast de vorige ronde en andere scholen'
	});
	await expect(
		table.getByRole('columnheader', { name: 'Vorige ronde (Scan najaar 2025)' })
	).toBeVisible();
	const rows = table.getByRole('row');
	await expect(rows).toHaveCount(10);
	for (let i = 1; i < 10; i++) {
		const cells = await rows.nth(i).getByRole('cell').allTextContents();
		const [now, before, change, swv, sameType] = cells;
		expect(Number(change)).toBe(Number(now) - Number(before));
		// 11 other schools in the SWV, one of which has too few respondents; 7 other po schools.
		expect(swv).toMatch(/^\d+,\d \(\d+,\d–\d+,\d\), 10 scholen$/);
		expect(sameType).toMatch(/, 7 scholen$/);
	}
	await expectAccessible(page);
});

test('a read-only link shows the team the results without the comments, until it is withdrawn', async ({
	page,
	browser
}) => {
	const id = roundWithAnswers(
		'Leeslink',
		[
			[4, 2],
			[3, 2],
			[3, 1],
			[2, 2],
			[4, 1]
		],
		{ comment: 'Alleen voor de coördinator.' }
	);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	await page.getByText('Uitkomsten delen met het team').click();
	await page.getByRole('button', { name: 'Leeslink maken' }).click();
	await expect(page.getByText(/Er is een leeslink voor het team gemaakt/)).toBeVisible();
	const link = (await page.locator('code.link').textContent())!;

	const team = await browser.newContext();
	const t = await team.newPage();
	await t.goto(link);
	await expect(t.getByRole('heading', { level: 1 })).toHaveText('Uitkomsten: Leeslink');
	await expect(t.getByRole('table', { name: 'Score, niveau en signalen per thema' })).toBeVisible();
	await expect(t.getByText('Alleen voor de coördinator.')).toHaveCount(0);
	// Nothing to act on: no link to the action plan's page.
	await expect(t.locator('a[href$="/actieplan"]')).toHaveCount(0);
	await expectAccessible(t);

	await page.getByRole('button', { name: 'Leeslink intrekken' }).click();
	await expect(page.getByText('De leeslink werkt niet meer.')).toBeVisible();
	expect((await t.goto(link))?.status()).toBe(404);
	await team.close();
});

test('scores at a band boundary are exact and rounded half up, so the level is the right one', async ({
	page
}) => {
	/**
	 * Per theme two statements: the first answered by the first n₁ respondents with positions
	 * (value − 1) adding up to S₁, the second by n₂ with S₂. Theme score = 100/3 · (S₁/n₁ + S₂/n₂) / 2,
	 * exactly the boundary named. 49,5 (1 of 4 and 68 of 25) came out as 49 with floating point.
	 */
	const cases: [
		theme: string,
		items: [string, string],
		s1: [number, number],
		s2: [number, number],
		score: number,
		level: string
	][] = [
		[
			'Visie en beleid',
			['vb-gedeelde-visie', 'vb-visie-in-praktijk'],
			[4, 3],
			[25, 18],
			25,
			'In ontwikkeling'
		], // 24,5
		[
			'Ondersteuningsstructuur',
			['os-basisondersteuning-bekend', 'os-basisondersteuning-geboden'],
			[4, 2],
			[25, 25],
			25,
			'In ontwikkeling'
		], // 25
		[
			'Zicht op ontwikkeling',
			['zo-vroeg-signaleren', 'zo-gegevens-benut'],
			[4, 1],
			[25, 68],
			50,
			'Functionerend'
		], // 49,5
		[
			'handelen',
			['hl-afstemmen-verschillen', 'hl-veilig-klimaat'],
			[4, 4],
			[25, 50],
			50,
			'Functionerend'
		], // 50
		[
			'Positie van de leerling',
			['pl-gehoord', 'pl-betrokken-bij-doelen'],
			[4, 11],
			[25, 43],
			75,
			'Geborgd'
		], // 74,5
		[
			'ouders',
			['ou-gelijkwaardig-partner', 'ou-begrijpelijke-informatie'],
			[4, 10],
			[25, 50],
			75,
			'Geborgd'
		], // 75
		['Samenwerking', ['sp-lijnen-swv', 'sp-jeugdhulp-nabij'], [3, 1], [12, 5], 13, 'Verkennen'] // 12,5
	];
	const respondents: Record<string, number>[] = Array.from({ length: 25 }, () => ({}));
	/** n answers whose positions add up to s: threes first, the rest zero. */
	const fill = (item: string, [n, s]: [number, number]) => {
		for (let r = 0; r < n; r++) {
			const position = Math.min(3, s);
			s -= position;
			respondents[r]![item] = position + 1;
		}
	};
	for (const [, [a, b], s1, s2] of cases) {
		fill(a, s1);
		fill(b, s2);
	}
	const id = roundWithItemAnswers('Grenzen', respondents);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	for (const [theme, , , , score, level] of cases) {
		const section = page.locator('section.theme').filter({
			has: page.getByRole('heading', { level: 2, name: new RegExp(theme, 'i') })
		});
		await expect(
			section.getByText(`Score ${score} van 100: ${level}`, { exact: false })
		).toBeVisible();
	}
});
