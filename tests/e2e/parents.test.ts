import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { unflatten } from 'devalue';
import AxeBuilder from '@axe-core/playwright';
import { pdfPages, savePdf } from '../helpers/pdf';
import {
	BASE,
	E2E_DATA,
	e2eDb,
	expectAccessible,
	OS,
	roundWithItemAnswers,
	signIn,
	VB
} from './helpers';

/**
 * Parents beside the team (issue 19): a coordinator opens a round with parents, both links work,
 * parents answer on a phone and without JavaScript, the round closes, the results show the
 * team's and the parents' scores side by side, the PDF has "Wat ouders zeggen" without a parent's
 * comment, and the SWV sees the parents' theme scores of a shared round, never their comments.
 * Below the parents' minimum nothing about them shows, in any page's data.
 */

test.describe.configure({ mode: 'serial' });

const PARENT_SECRET = 'GEHEIM-OUDER-toelichting';
const ouderScan = JSON.parse(readFileSync('questionnaires/ouder-scan/v1.json', 'utf8')) as {
	themes: {
		id: string;
		comment?: { label: string };
		items: { id: string; text: string; appliesTo?: string[] }[];
	}[];
};
/** The parents' statements at a po school. */
const PARENT_ITEMS = ouderScan.themes.flatMap((t) =>
	t.items.filter((i) => !i.appliesTo || i.appliesTo.includes('po'))
);

const one = (sql: string, ...args: unknown[]) => {
	const db = e2eDb();
	const v = db
		.prepare(sql)
		.pluck()
		.get(...args);
	db.close();
	return v as number | string | null;
};
/** The test server's database, to write known answers into. */
const writable = () => new Database(join(E2E_DATA, 'scan.db'));
const schoolId = () => Number(one("select id from school where instellingscode = '90AA'"));
const swvId = () => Number(one("select id from swv where code = 'PO2799'"));

/** Sent responses written straight into the database, every statement with this value. */
function sentResponses(
	roundId: number,
	items: string[],
	value: number,
	n: number,
	comment?: [string, string]
) {
	const db = writable();
	for (let r = 0; r < n; r++) {
		const id = Number(
			db
				.prepare(
					'insert into response (round_id, token_hash, resume_hash, submitted_at) values (?, ?, ?, ?)'
				)
				.run(
					roundId,
					`p-${roundId}-${r}-${Math.random()}`,
					`q-${roundId}-${r}-${Math.random()}`,
					Date.now()
				).lastInsertRowid
		);
		for (const item of items)
			db.prepare('insert into answer values (?, ?, ?)').run(id, item, value);
		if (comment)
			db.prepare('insert into theme_comment values (?, ?, ?)').run(id, comment[0], comment[1]);
	}
	db.close();
}

/** Every page's data as the browser receives it, as one string. */
async function pageData(api: APIRequestContext, path: string): Promise<string> {
	const [where, query] = path.split('?');
	const res = await api.get(`${where!.replace(/\/$/, '')}/__data.json${query ? `?${query}` : ''}`);
	expect(res.status(), path).toBe(200);
	const body = (await res.json()) as { nodes: ({ type: string; data?: unknown[] } | null)[] };
	return JSON.stringify(
		body.nodes.filter((n) => n?.type === 'data').map((n) => unflatten(n!.data as never))
	);
}

/** Answers every statement on each theme page with "Grotendeels" up to the check page. */
async function answerAll(page: Page, comment?: string) {
	for (let t = 1; ; t++) {
		await expect(page.getByText(new RegExp(`Thema ${t} van \\d+`)).first()).toBeVisible();
		const items = page.locator('fieldset.item:not([hidden])');
		const n = await items.count();
		for (let i = 0; i < n; i++) await items.nth(i).getByLabel('Grotendeels').check();
		if (comment && t === 1)
			await page.getByLabel(ouderScan.themes[0]!.comment!.label).fill(comment);
		const last = page.getByRole('button', { name: 'Controleren en versturen', exact: true });
		const next = page.getByRole('button', { name: 'Volgende', exact: true });
		if (await next.count()) await next.last().click();
		else {
			await last.last().click();
			break;
		}
	}
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
	await expect(page.getByText(/De school bespreekt wat ouders zeggen/)).toBeVisible();
}

let roundId = 0;
let parentsLink = '';

test('a coordinator opens a round with parents: two links, two QR codes, a ready text', async ({
	page
}) => {
	await signIn(page, 'school@example.org');
	await page.goto(`/scholen/${schoolId()}`);
	await page.getByText('Nieuwe ronde openen').click();
	await page.getByLabel('Titel').fill('Ronde met ouders');
	await expect(page.getByLabel('Minimaal aantal ouders')).toHaveValue('5');
	await page.getByLabel(/^Ook ouders vragen/).check();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ronde openen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ronde met ouders' })).toBeVisible();
	roundId = Number(/\/rondes\/(\d+)/.exec(page.url())![1]);
	const teamToken = one('select share_token from round where id = ?', roundId);
	const parents = e2eDb()
		.prepare(
			'select share_token, min_respondents, questionnaire_id from round where companion_of_round_id = ?'
		)
		.get(roundId) as { share_token: string; min_respondents: number; questionnaire_id: string };
	expect(parents).toMatchObject({ min_respondents: 5, questionnaire_id: 'ouder-scan' });
	parentsLink = `/s/${parents.share_token}`;
	await expect(page.getByText(`${BASE}/s/${teamToken}`)).toBeVisible();
	const block = page.getByRole('region', { name: 'Ouders' });
	await expect(block.getByText(`${BASE}${parentsLink}`)).toBeVisible();
	await expect(block.getByText(/0 vragenlijsten van ouders verstuurd/)).toBeVisible();
	const text = block.getByLabel('Tekst voor de nieuwsbrief of de ouderapp');
	await expect(text).toHaveValue(new RegExp(`${BASE}${parentsLink}`));
	await expect(text).toHaveValue(/OBS De Regenboog/);
	await expect(text).not.toHaveValue(/\{/);
	await expect(block.getByRole('button', { name: 'Link voor ouders kopiëren' })).toBeVisible();
	const qr = await page.request.get(`/rondes/${roundId}/qr.svg?vragenlijst=ouder-scan`);
	expect(qr.headers()['content-type']).toBe('image/svg+xml');
	expect(await qr.text()).not.toBe(
		await (await page.request.get(`/rondes/${roundId}/qr.svg`)).text()
	);
	expect((await page.request.get(`/rondes/${roundId}/qr.svg?vragenlijst=onbekend`)).status()).toBe(
		404
	);
	// The companion has no page of its own: everything goes through the team round.
	const companionId = one('select id from round where companion_of_round_id = ?', roundId);
	expect((await page.request.get(`/rondes/${companionId}`)).status()).toBe(404);
	await expectAccessible(page);
	await page.setViewportSize({ width: 320, height: 800 });
	await expectAccessible(page);
});

test('a parent answers on a phone (360 px), with their own words and privacy text', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	await page.goto(parentsLink);
	await expect(
		page.getByRole('group', { name: 'Krijgt uw kind extra hulp op school? (optioneel)' })
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'Uw privacy' })).toContainText('minstens 5 ouders');
	await expect(page.getByText('Wat is uw functie?')).toHaveCount(0);
	await expectAccessible(page);
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
	await page.getByLabel('Ja, mijn kind krijgt extra hulp').check();
	await page.getByRole('button', { name: 'Start de scan' }).click();
	await expectAccessible(page);
	await answerAll(page);
	await context.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('a parent answers and writes a comment, each page saved on "Volgende"', async ({ page }) => {
		await page.goto(parentsLink);
		await page.getByRole('button', { name: 'Start de scan' }).click();
		await answerAll(page, PARENT_SECRET);
	});
});

test('closed: the results show team and parents side by side, the PDF and the SWV too', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const companionId = Number(one('select id from round where companion_of_round_id = ?', roundId));
	expect(
		one(
			'select count(*) from response where round_id = ? and submitted_at is not null',
			companionId
		)
	).toBe(2);
	// Three more parents and three team members, all answers known: parents "Grotendeels" (3),
	// the team "Volledig" (4) on the visie and ondersteuning statements.
	sentResponses(
		companionId,
		PARENT_ITEMS.map((i) => i.id),
		3,
		3
	);
	sentResponses(roundId, [...VB, ...OS], 4, 3);

	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${roundId}`);
	await expect(page.getByText(/5 vragenlijsten van ouders verstuurd/)).toBeVisible();
	await page.getByRole('button', { name: 'Ronde sluiten' }).click();
	await expect(page.getByText('De ronde is gesloten.')).toBeVisible();
	expect(one('select status from round where id = ?', companionId)).toBe('closed');

	await page.goto(`/rondes/${roundId}/resultaten`);
	const table = page.getByRole('table', { name: 'Team en ouders per thema (score 0–100)' });
	const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
	// Five parents, "Grotendeels" everywhere: 66⅔ → 67; the team: 100 where it answered.
	await expect(row('Basisondersteuning').getByRole('cell')).toHaveText(['100', '67']);
	await expect(row('Positie van ouders').getByRole('cell')).toHaveText(['—', '67']);
	await expect(page.getByText(PARENT_ITEMS[0]!.text).first()).toBeAttached();
	// The parent's comment: for the coordinators only.
	await expect(page.getByText(PARENT_SECRET)).toBeAttached();
	await expectAccessible(page);
	// At 320 px: the parents' section (the rest of the page is another change's reflow work).
	await page.setViewportSize({ width: 320, height: 800 });
	const narrow = await new AxeBuilder({ page })
		.include('section.companion')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(narrow.violations.map((v) => v.id)).toEqual([]);
	await page.setViewportSize({ width: 1280, height: 800 });

	// The conversation view: the parents' score beside the team's on a theme.
	const themeNo =
		(
			JSON.parse(readFileSync('questionnaires/school-scan/v1.json', 'utf8')) as {
				themes: { id: string }[];
			}
		).themes.findIndex((t) => t.id === 'ondersteuningsstructuur') + 1;
	await page.goto(`/rondes/${roundId}/gesprek?thema=${themeNo}`);
	await expect(page.getByText('Ouders: 67 van 100 (5 verstuurd)')).toBeVisible();
	await expectAccessible(page);

	// The team's read-only link: no parent comment in the page or its data.
	await page.goto(`/rondes/${roundId}/resultaten`);
	const made = await page.request.post(`/rondes/${roundId}/resultaten?/delen`, {
		form: {},
		headers: { origin: BASE, accept: 'text/html' }
	});
	expect(made.status()).toBe(200);
	const token = one('select results_token from round where id = ?', roundId);
	expect(token).toBeTruthy();
	const teamData = await pageData(page.request, `/uitkomsten/${token}`);
	expect(teamData).toContain(PARENT_ITEMS[0]!.text);
	expect(teamData).not.toContain(PARENT_SECRET);
	expect(await pageData(page.request, `/rondes/${roundId}/gesprek`)).not.toContain(PARENT_SECRET);

	// The PDF: "Wat ouders zeggen" with the parents' figures, never a comment.
	const pdf = await page.request.get(`/rondes/${roundId}/rapport.pdf`);
	expect(pdf.status()).toBe(200);
	const text = pdfPages(savePdf(await pdf.body()))
		.join('\n')
		.replace(/\s+/g, ' ');
	expect(text).toContain('Wat ouders zeggen');
	expect(text).toMatch(/Basisondersteuning en ondersteuningsstructuur 100 67/);
	expect(text).toMatch(/Positie van ouders — 67/);
	expect(text).not.toContain(PARENT_SECRET);

	// Shared with the SWV: the parents' theme scores, never their comments or statements.
	await page.getByRole('button', { name: 'Uitkomsten delen' }).click();
	await page.getByRole('checkbox', { name: 'Ik begrijp dit en wil de uitkomsten delen' }).check();
	await page.getByRole('button', { name: 'Uitkomsten delen' }).click();
	await expect(
		page.getByText('De uitkomsten zijn gedeeld met het samenwerkingsverband.')
	).toBeVisible();
	expect(one('select released_at is not null from round where id = ?', companionId)).toBe(1);

	const swv = await (await browser.newContext()).newPage();
	await signIn(swv, 'swv@example.org');
	await swv.goto(`/swv/${swvId()}/scholen/${schoolId()}?ronde=${roundId}`);
	const shared = swv.getByRole('table', { name: 'Team en ouders per thema (score 0–100)' });
	await expect(
		shared.getByRole('row', { name: /^Basisondersteuning/ }).getByRole('cell')
	).toHaveText(['100', '67']);
	const swvData = await pageData(
		swv.request,
		`/swv/${swvId()}/scholen/${schoolId()}?ronde=${roundId}`
	);
	expect(swvData).not.toContain(PARENT_SECRET);
	expect(swvData).not.toContain(PARENT_ITEMS[0]!.text);
	await expectAccessible(swv);
	await swv.goto(`/swv/${swvId()}/scholen`);
	await expect(swv.getByText(/vroegen ook ouders/)).toBeVisible();
	const csv = await (await swv.request.get(`/swv/${swvId()}/export-themas.csv`)).text();
	expect(csv.split('\n')[0]).toContain('Ouders: score (0-100)');
	expect(csv).toMatch(
		/;ondersteuningsstructuur;Basisondersteuning en ondersteuningsstructuur;100;[^;\n]*;[^;\n]*;[^;\n]*;5;67;/
	);
	expect(csv).not.toContain(PARENT_SECRET);
});

test('below the parents’ minimum nothing about them shows, in any page or its data', async ({
	page
}) => {
	// A finished team round of five with four parents beside it, who all wrote a comment.
	const team = roundWithItemAnswers(
		'Ronde met te weinig ouders',
		Array.from({ length: 5 }, () => Object.fromEntries([...VB, ...OS].map((i) => [i, 3]))),
		{ closedAt: Date.now() }
	);
	const db = writable();
	const t = db.prepare('select school_id, swv_id from round where id = ?').get(team) as {
		school_id: number;
		swv_id: number;
	};
	const companion = Number(
		db
			.prepare(
				"insert into round (scope, school_id, swv_id, questionnaire_id, questionnaire_version, title, opens_at, status, closed_at, share_token, min_respondents, companion_of_round_id) values ('school', ?, ?, 'ouder-scan', 1, 'Ouders', ?, 'closed', ?, ?, 5, ?)"
			)
			.run(t.school_id, t.swv_id, Date.now(), Date.now(), 'o'.repeat(26), team).lastInsertRowid
	);
	db.close();
	sentResponses(
		companion,
		PARENT_ITEMS.map((i) => i.id),
		2,
		4,
		['positie-ouders', 'TE-WEINIG-OUDERS']
	);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${team}/resultaten`);
	await expect(page.getByText(/Nog geen uitkomsten van ouders: 4 verstuurd/)).toBeVisible();
	for (const path of [`/rondes/${team}/resultaten`, `/rondes/${team}/gesprek`, `/rondes/${team}`]) {
		const data = await pageData(page.request, path);
		expect(data, path).not.toContain('TE-WEINIG-OUDERS');
		for (const item of PARENT_ITEMS) expect(data, path).not.toContain(item.text);
	}
	const pdf = await page.request.get(`/rondes/${team}/rapport.pdf`);
	const text = pdfPages(savePdf(await pdf.body())).join('\n');
	expect(text).not.toContain('Wat ouders zeggen');
	expect(text).not.toContain('TE-WEINIG-OUDERS');
});
