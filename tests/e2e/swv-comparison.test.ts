import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { LEVEL_TINTS } from '../../src/lib/domain/colors';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA, e2eDb, expectAccessible, signIn, VB, roundWithAnswers } from './helpers';

/**
 * The SWV's view of its schools: what the school releases, the overview table against the norm,
 * its footer, filter and sort, the school page as the SWV sees it, and the exports, all from the
 * same numbers as the school's own results page, and never a single respondent or a comment.
 */

const SECRET = 'GEHEIM-COMMENTAAR-VAN-EEN-RESPONDENT';

/** A finished, unreleased round of OBS De Regenboog, newer than any other: visie 100, ondersteuning 0. */
function knownRound(): { roundId: number; schoolId: number; swvId: number } {
	const roundId = roundWithAnswers('Ronde voor het SWV', Array(5).fill([4, 1]), {
		comment: SECRET,
		opensAt: Date.now() + 60_000,
		closedAt: Date.now()
	});
	const db = e2eDb();
	const school = db
		.prepare("select id, swv_id from school where instellingscode = '90AA'")
		.get() as { id: number; swv_id: number };
	db.close();
	return { roundId, schoolId: school.id, swvId: school.swv_id };
}

/** The overview row of a school: its cells' texts, one per theme. */
async function rowCells(page: Page, school: string): Promise<string[]> {
	const row = page.locator('table.grid tbody tr', {
		has: page.getByRole('rowheader', { name: school, exact: true })
	});
	return (await row.locator('td').allInnerTexts()).slice(2).map((t) => t.replace(/\s+/g, ' '));
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = (s.length - 1) / 2;
	return (s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2;
};

test('a school releases a round with an explanation; the SWV sees exactly that, and nothing of an unreleased round', async ({
	browser
}) => {
	// Two browsers, a release and axe on five pages: about 20 s on a quiet machine.
	test.setTimeout(60_000);
	const { roundId, schoolId, swvId } = knownRound();
	const swv = await (await browser.newContext()).newPage();
	await signIn(swv, 'swv@example.org');
	await swv.goto(`/swv/${swvId}/scholen`);
	// Unreleased: only that it exists.
	expect((await rowCells(swv, 'OBS De Regenboog')).join(' ')).toContain('Niet gedeeld');
	await swv.goto(`/swv/${swvId}/scholen/${schoolId}`);
	const listed = swv.getByRole('row', { name: /Ronde voor het SWV/ });
	await expect(listed).toContainText('5');
	await expect(listed).toContainText('nee');
	await expect(swv.getByRole('link', { name: 'Ronde voor het SWV' })).toHaveCount(0);
	expect(
		(await swv.request.get(`/swv/${swvId}/scholen/${schoolId}?ronde=${roundId}`)).status()
	).toBe(404);

	const school = await (await browser.newContext()).newPage();
	await signIn(school, 'school@example.org');
	await school.goto(`/rondes/${roundId}/resultaten`);
	await school
		.getByLabel('Toelichting voor het samenwerkingsverband (niet verplicht)')
		.fill('x'.repeat(1001));
	await school.getByRole('button', { name: 'Uitkomsten delen' }).click();
	await expect(school.getByText('Een toelichting is hoogstens 1000 tekens.')).toBeVisible();
	expect(
		e2eDb().prepare('select released_at from round where id = ?').pluck().get(roundId)
	).toBeNull();
	await school
		.getByLabel('Toelichting voor het samenwerkingsverband (niet verplicht)')
		.fill('Veel nieuwe collega’s dit jaar.\nDe intern begeleider is pas gestart.');
	// Sharing asks first, saying what the SWV will see and that the round cannot open again.
	await school.getByRole('button', { name: 'Uitkomsten delen' }).click();
	await expect(
		school.getByRole('checkbox', { name: 'Ik begrijp dit en wil de uitkomsten delen' })
	).toHaveAccessibleDescription(/Daarna kan deze ronde niet meer worden heropend/);
	await expect(
		school.getByText(/Bevestig dat het samenwerkingsverband de uitkomsten mag zien/)
	).toBeVisible();
	expect(
		e2eDb().prepare('select released_at from round where id = ?').pluck().get(roundId)
	).toBeNull();
	await school.getByRole('checkbox', { name: 'Ik begrijp dit en wil de uitkomsten delen' }).check();
	await school.getByRole('button', { name: 'Uitkomsten delen' }).click();
	await expect(
		school.getByText('De uitkomsten zijn gedeeld met het samenwerkingsverband.')
	).toBeVisible();
	await expectAccessible(school);
	// Shared and shown: the round cannot take more answers, or the SWV could compare versions.
	await school.goto(`/rondes/${roundId}`);
	await expect(school.getByRole('button', { name: 'Ronde heropenen' })).toHaveCount(0);
	await expect(school.getByText(/daarom kan deze ronde niet meer open/)).toBeVisible();
	const reopen = await school.request.post(`/rondes/${roundId}?/heropenen`, {
		headers: { origin: new URL(school.url()).origin, accept: 'text/html' },
		form: {}
	});
	expect(reopen.status()).toBe(409);
	await school.goto(`/rondes/${roundId}/resultaten`);

	await swv.goto(`/swv/${swvId}/scholen`);
	const cells = await rowCells(swv, 'OBS De Regenboog');
	// Norm "functionerend" (the demo's): 100 reaches it, 0 does not.
	expect(cells[0]).toBe('100 ▲ haalt de norm Geborgd');
	expect(cells[1]).toBe('0 ▼ onder de norm Verkennen');
	expect(cells[2]).toBe('—');

	await swv.goto(`/swv/${swvId}/scholen/${schoolId}`);
	// The school's line breaks stay: two lines, as the school wrote them.
	expect(await swv.locator('.note p').innerText()).toBe(
		'Veel nieuwe collega’s dit jaar.\nDe intern begeleider is pas gestart.'
	);
	// The school over its shared rounds: this school year's column is the round just shared.
	const trend = swv.getByRole('table', { name: /^Ontwikkeling per schooljaar van / });
	await expect(trend.getByRole('columnheader').last()).toContainText(
		'Ronde voor het SWV, versie 1'
	);
	const visie = trend.getByRole('row').filter({
		has: swv.getByRole('rowheader', { name: 'Visie en beleid', exact: true })
	});
	await expect(visie.getByRole('cell').last()).toContainText('100');
	const swvTable = await swv.getByRole('table', { name: /Score per thema/ }).innerText();
	expect(swvTable).toContain('Visie en beleid\t100\tGeborgd');
	await expect(swv.locator('body')).not.toContainText(SECRET);
	await expectAccessible(swv);

	// The school sees the same page.
	await school.getByRole('link', { name: 'Bekijk wat het samenwerkingsverband ziet' }).click();
	await expect(
		school.getByRole('heading', { name: 'Wat het samenwerkingsverband ziet' })
	).toBeVisible();
	expect(await school.getByRole('table', { name: /Score per thema/ }).innerText()).toBe(swvTable);
	await expect(school.locator('body')).not.toContainText(SECRET);
	await expectAccessible(school);

	// Exports carry the released scores, never a comment.
	const csv = await (await swv.request.get(`/swv/${swvId}/export-themas.csv`)).text();
	expect(csv).toContain('OBS De Regenboog;90AA00;PO;Lindewaard;Ronde voor het SWV');
	expect(csv).toMatch(/;visie-en-beleid;Visie en beleid;100;Geborgd;Functionerend;ja;/);
	const items = await (await swv.request.get(`/swv/${swvId}/export-stellingen.csv`)).text();
	expect(items).toContain(';vb-gedeelde-visie;');
	expect(csv + items).not.toContain(SECRET);

	// Stop sharing: back to "Niet gedeeld".
	await school.goto(`/rondes/${roundId}/resultaten`);
	await school.getByRole('button', { name: 'Niet meer delen' }).click();
	await expect(school.getByText('ziet de uitkomsten van deze ronde niet meer')).toBeVisible();
	await swv.goto(`/swv/${swvId}/scholen`);
	expect((await rowCells(swv, 'OBS De Regenboog')).join(' ')).toContain('Niet gedeeld');
	// Stopping to share does not undo what the SWV saw: the round still cannot take more answers.
	const again = await school.request.post(`/rondes/${roundId}?/heropenen`, {
		headers: { origin: new URL(school.url()).origin, accept: 'text/html' },
		form: {}
	});
	expect(again.status()).toBe(409);
	// The export still says the round exists, and nothing more.
	const later = (await (await swv.request.get(`/swv/${swvId}/export-themas.csv`)).text()).replace(
		/^\ufeff/,
		''
	);
	const after = later.split('\r\n').filter((l) => l.startsWith('OBS De Regenboog;'));
	expect(after).toHaveLength(1);
	expect(after[0]).toMatch(/;Ronde voor het SWV;\d{4}-\d{2}-\d{2};;\d+;+Niet gedeeld$/);
	// Every row has exactly the header's columns: the reason sits under "Opmerking".
	const lines = later.trim().split('\r\n');
	/** The fields of a CSV line: semicolons inside quotes do not split. */
	const fields = (line: string) => {
		const out = [''];
		let quoted = false;
		for (const ch of line) {
			if (ch === '"') quoted = !quoted;
			if (ch === ';' && !quoted) out.push('');
			else out[out.length - 1] += ch;
		}
		return out;
	};
	const header = fields(lines[0]!);
	expect(header.at(-1)).toBe('Opmerking');
	for (const line of lines) expect(fields(line), line).toHaveLength(header.length);
});

test('the overview shows the same numbers as the school’s results page, with footer, filter and sort', async ({
	browser
}) => {
	// Two browsers, sorting, filtering, charts and the XLSX: about 15 s on a quiet machine.
	test.setTimeout(60_000);
	const db = e2eDb();
	const swvId = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	const kompas = db
		.prepare(
			"select r.id from round r join school s on s.id = r.school_id where s.instellingscode = '90AB' and r.companion_of_round_id is null order by r.opens_at desc limit 1"
		)
		.pluck()
		.get() as number;
	db.close();

	const school = await (await browser.newContext()).newPage();
	await signIn(school, 'school-b@example.org');
	await school.goto(`/rondes/${kompas}/resultaten`);
	const perTheme = school.getByRole('table', { name: 'Score, niveau en signalen per thema' });
	const own = (await perTheme.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((t) =>
		t.trim()
	);
	expect(own.length).toBe(9);

	const page = await (await browser.newContext()).newPage();
	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swvId}/scholen`);
	await expectAccessible(page);
	const cells = await rowCells(page, 'CBS Het Kompas');
	expect(cells.map((c) => c.split(' ')[0])).toEqual(own);

	// "te weinig respondenten", nothing else.
	const palet = await rowCells(page, 'OBS Het Palet');
	expect(palet).toEqual(['te weinig respondenten']);

	// The footer's median per school type is the median of that type's cells in the column above.
	const poColumn = (
		await page
			.locator('table.grid tbody tr', { has: page.locator('td:nth-child(2)', { hasText: /^PO$/ }) })
			.locator('td.cell:nth-child(4)')
			.allInnerTexts()
	)
		.map((t) => Number(t.trim().split(/\s/)[0]))
		.filter((n) => !Number.isNaN(n));
	const poFooter = page.locator('table.grid tfoot tr', { hasText: /^PO/ });
	await expect(poFooter.locator('th')).toHaveText(/^PO ?\(basisonderwijs\): middelste score/);
	const poMedian = (await poFooter.locator('td').first().innerText()).split('\n')[0]!;
	expect(Number(poMedian.replace(',', '.'))).toBe(median(poColumn));
	// Over all types only where they answer the same statements: visie en beleid yes,
	// basisondersteuning (so answers other statements than po and sbo) no.
	const pooled = page.locator('table.grid tfoot tr', { hasText: /^Alle typen/ }).locator('td');
	await expect(pooled.nth(0)).not.toHaveText(/andere stellingen/);
	await expect(pooled.nth(1)).toHaveText('andere stellingen per type');

	// Sorting by a theme: highest first, schools without a score last.
	await page.getByRole('link', { name: 'Visie en beleid' }).click();
	await expect(page).toHaveURL(
		/sorteer=thema%3Avisie-en-beleid&richting=af|sorteer=thema:visie-en-beleid&richting=af/
	);
	const sorted = (await page.locator('table.grid tbody tr td:nth-child(4)').allInnerTexts()).map(
		(t) => Number(t.trim().split(/\s/)[0])
	);
	const numbers = sorted.filter((n) => !Number.isNaN(n));
	expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
	await expect(page.getByRole('columnheader', { name: /Visie en beleid/ })).toHaveAttribute(
		'aria-sort',
		'descending'
	);

	// By keyboard: a column header is a link; Enter sorts.
	await page.getByRole('link', { name: 'Type', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/sorteer=type&richting=op/);
	await expect(
		page
			.getByRole('table', { name: "Scholen × thema's" })
			.getByRole('columnheader', { name: 'Type' })
	).toHaveAttribute('aria-sort', 'ascending');

	// Filter by type.
	await page.getByLabel('Schooltype', { exact: true }).selectOption('sbo');
	await page.getByRole('button', { name: 'Toon' }).click();
	const sbo = e2eDb()
		.prepare("select count(*) from school where swv_id = ? and active = 1 and school_type = 'sbo'")
		.pluck()
		.get(swvId) as number;
	await expect(page.locator('table.grid tbody tr')).toHaveCount(sbo);
	expect(await page.locator('table.grid tbody tr td:nth-child(2)').allInnerTexts()).toEqual(
		Array(sbo).fill('SBO')
	);
	expect(await page.getByRole('rowheader').allInnerTexts()).toEqual(
		expect.arrayContaining(['SBO De Brug', 'SBO Het Baken'])
	);
	expect((await page.request.get(`/swv/${swvId}/scholen?type=xx`)).status()).toBe(400);

	// Charts with text alternatives; tables beside them.
	await page.goto(`/swv/${swvId}/scholen`);
	await expect(page.getByRole('img', { name: /Gestapeld staafdiagram: per thema/ })).toBeVisible();
	// The spread chart's text alternative gives the per-type figures of the table's footer; a
	// median over all types only where the statements are the same (visie en beleid), never on
	// basisondersteuning (so answers other statements than po and sbo).
	const spread = page.getByRole('img', { name: /Spreidingsdiagram/ });
	await expect(spread).toBeVisible();
	const spreadText = (await spread.getAttribute('aria-label')) ?? (await spread.innerText());
	const footerMedian = async (type: string, column: number) =>
		(
			await page
				.locator('table.grid tfoot tr', { hasText: new RegExp(`^${type}`) })
				.locator('td')
				.nth(column)
				.innerText()
		).split('\n')[0]!;
	const visieSpread = spreadText.match(/Visie en beleid: ([^;]*)/)![1]!;
	expect(visieSpread).toContain(`PO mediaan ${await footerMedian('PO', 0)}`);
	expect(visieSpread).toContain(
		`Alle typen (zelfde stellingen) mediaan ${await footerMedian('Alle typen', 0)}`
	);
	const osSpread = spreadText.match(/Basisondersteuning en ondersteuningsstructuur: ([^;]*)/)![1]!;
	expect(osSpread).toContain(`PO mediaan ${await footerMedian('PO', 1)}`);
	expect(osSpread).not.toContain('Alle typen');
	// A chart per school type (and one for the themes pooled on the same statements).
	const trendCharts = page.getByRole('img', {
		name: /Staafdiagram van de mediaan per thema en schooljaar, per schooltype/
	});
	await expect(trendCharts).toHaveCount(4);
	await expect(trendCharts.first()).toHaveAttribute('aria-label', /\. PO: /);
	// The trend per school type: a pooled line only on themes with the same statements.
	const trendTable = page.getByRole('table', {
		name: /^Mediaan per thema, schooltype en schooljaar/
	});
	await expect(trendTable).toContainText('2025-2026');
	const trendRows = await trendTable.getByRole('rowheader').allInnerTexts();
	expect(trendRows).toEqual(
		expect.arrayContaining([
			'Visie en beleid (PO)',
			'Visie en beleid (SBO)',
			'Visie en beleid (alle typen, zelfde stellingen)',
			'Basisondersteuning en ondersteuningsstructuur (PO)'
		])
	);
	expect(trendRows).not.toContain(
		'Basisondersteuning en ondersteuningsstructuur (alle typen, zelfde stellingen)'
	);

	// The XLSX holds the same score for CBS Het Kompas.
	const xlsx = await page.request.get(`/swv/${swvId}/export.xlsx`);
	expect(xlsx.headers()['content-disposition']).toMatch(
		/filename="scan-passend-onderwijs-po2799-scores-\d{4}-\d{2}-\d{2}\.xlsx"/
	);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
	expect(book.worksheets.map((w) => w.name)).toEqual([
		"Scholen × thema's",
		"Thema's",
		'Stellingen'
	]);
	const rows = book.getWorksheet("Thema's")!.getSheetValues() as unknown[][];
	const visie = rows.find((r) => r?.[1] === 'CBS Het Kompas' && r?.[9] === 'visie-en-beleid')!;
	expect(String(visie[11])).toBe(own[0]);
	expect(visie[8]).toBeGreaterThanOrEqual(3);
	// Dates are dates, shown the Dutch way.
	expect(visie[6]).toBeInstanceOf(Date);
	expect(book.getWorksheet("Thema's")!.getColumn(6).numFmt).toBe('dd-mm-yyyy');
	// The matrix sheet: a school per row, a number per theme in its level's colour, with the
	// level's letter and the norm mark in the number format; figures per school type below.
	const matrix = book.getWorksheet("Scholen × thema's")!;
	const kompasRow = matrix
		.getRows(2, matrix.rowCount - 1)!
		.find((r) => r.getCell(1).value === 'CBS Het Kompas')!;
	const first = kompasRow.getCell(4);
	expect(String(first.value)).toBe(own[0]);
	expect(first.numFmt).toMatch(/^0" [VOFG] [▲▼]"$/);
	const level = { V: 'verkennen', O: 'ontwikkelen', F: 'functioneren', G: 'borgen' }[
		first.numFmt.match(/[VOFG]/)![0] as 'V'
	];
	expect((first.fill as { fgColor: { argb: string } }).fgColor.argb).toBe(
		`FF${LEVEL_TINTS[level]!.slice(1).toUpperCase()}`
	);
	expect(kompasRow.getCell(3).value).toBeInstanceOf(Date);
	const labels = matrix.getColumn(1).values.map(String);
	expect(labels).toEqual(expect.arrayContaining(['PO: mediaan', 'SBO: mediaan']));
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the table’s filters are GET forms and links: bookmarkable, without JavaScript, checked', async ({
		page
	}) => {
		const swvId = e2eDb()
			.prepare("select id from swv where code = 'PO2799'")
			.pluck()
			.get() as number;
		await signIn(page, 'swv@example.org');
		await page.goto(`/swv/${swvId}/scholen`);
		// Filters are GET parameters: bookmarkable, and they work without JavaScript.
		await page.getByLabel('Naam bevat').fill('kompas');
		await page.getByRole('button', { name: 'Toon' }).click();
		await expect(page).toHaveURL(/zoek=kompas/);
		expect(await page.locator('table.grid tbody').getByRole('rowheader').allInnerTexts()).toEqual([
			'CBS Het Kompas'
		]);
		await expect(page.locator('p[role="status"]')).toContainText(
			/^1\s+school getoond van de \d+\./
		);
		await page.getByRole('link', { name: 'Alle scholen tonen' }).click();
		await page.getByLabel('Stand').selectOption('te-weinig');
		await page.getByRole('button', { name: 'Toon' }).click();
		expect(await page.locator('table.grid tbody').getByRole('rowheader').allInnerTexts()).toEqual([
			'OBS Het Palet'
		]);
		await page.goto(`/swv/${swvId}/scholen?niveau=verkennen&thema=visie-en-beleid`);
		const lowest = await page.locator('table.grid tbody tr td.cell:nth-child(4)').allInnerTexts();
		expect(lowest.length).toBeGreaterThan(0);
		for (const c of lowest) expect(c).toMatch(/Verkennen/);
		for (const bad of [
			'niveau=hoog',
			'thema=x',
			'status=weg',
			'norm=boven',
			`zoek=${'x'.repeat(101)}`
		])
			expect((await page.request.get(`/swv/${swvId}/scholen?${bad}`)).status(), bad).toBe(400);
		const refused = await page.request.get(`/swv/${swvId}/scholen?niveau=hoog`);
		expect(await refused.text()).toContain('Onbekend niveau in de adresregel.');
	});
});

test('the norm is set per theme, checked, and shown in the overview; the readiness view shows the SWV scan', async ({
	page
}) => {
	const db = e2eDb();
	const swvId = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	db.close();
	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swvId}/norm`);
	await expectAccessible(page);
	await page.getByLabel('Visie en beleid').selectOption('borgen');
	await page.getByRole('button', { name: 'Norm opslaan' }).click();
	await expect(page.getByText('De norm is opgeslagen.')).toBeVisible();
	await page.goto(`/swv/${swvId}/scholen`);
	await expect(page.getByRole('columnheader', { name: /Visie en beleid/ })).toContainText(
		'norm: Geborgd'
	);

	// A level that does not exist: 400, a Dutch message, nothing changed.
	const bad = await page.request.post(`/swv/${swvId}/norm`, {
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		form: { 'visie-en-beleid': 'perfect' }
	});
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toContain('Kies een niveau uit de lijst.');
	expect(
		e2eDb()
			.prepare("select level_id from swv_norm where swv_id = ? and theme_id = 'visie-en-beleid'")
			.pluck()
			.get(swvId)
	).toBe('borgen');

	await page.goto(`/swv/${swvId}/gereedheid`);
	await expect(page.getByRole('heading', { name: 'Eigen scan' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Eigen scan per thema' })).toContainText(
		'Koers en ondersteuningsplan'
	);
	const ready = page.getByRole('table', { name: 'Scholen per thema en schooltype' });
	const readyTheme = (title: string) => ready.locator('tbody', { hasText: title });
	await expect(readyTheme('Visie en beleid').locator('th').first()).toContainText('norm: geborgd');
	// Per school type; over all types only where the statements are the same, labelled so.
	expect(await readyTheme('Visie en beleid').locator('th.type').allInnerTexts()).toEqual([
		'PO',
		'SBO',
		'SO',
		'Alle typen (zelfde stellingen)'
	]);
	expect(
		await readyTheme('Basisondersteuning en ondersteuningsstructuur')
			.locator('th.type')
			.allInnerTexts()
	).toEqual(['PO', 'SBO', 'SO']);
	await expectAccessible(page);
	await page.goto(`/swv/${swvId}`);
	await expectAccessible(page);
});

test('the sector benchmark shows once five SWVs have five scored schools each, and an SWV sees no other SWV’s school', async ({
	page
}) => {
	const db = new Database(join(E2E_DATA, 'scan.db'));
	const swvId = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	const voSchool = db
		.prepare("select s.id from school s join swv w on w.id = s.swv_id where w.code = 'VO2799'")
		.pluck()
		.get() as number;
	// Five other PO SWVs, five schools each; every school answers the visie statements alike.
	const perSwv = [1, 2, 3, 4, 1];
	perSwv.forEach((value, k) => {
		const other = Number(
			db
				.prepare("insert into swv (code, name, sector) values (?, ?, 'po')")
				.run(`PO28${String(k).padStart(2, '0')}`, `Ander SWV ${k}`).lastInsertRowid
		);
		for (let s = 0; s < 5; s++) {
			const school = Number(
				db
					.prepare(
						"insert into school (swv_id, instellingscode, name, place, school_type) values (?, ?, ?, 'Elders', 'po')"
					)
					.run(other, `7${k}${String.fromCharCode(65 + s)}A`, `Andere school ${k}-${s}`)
					.lastInsertRowid
			);
			const round = Number(
				db
					.prepare(
						"insert into round (scope, school_id, swv_id, questionnaire_id, questionnaire_version, title, opens_at, status, share_token, released_at) values ('school', ?, ?, 'school-scan', 1, 'Scan', ?, 'closed', ?, ?)"
					)
					.run(school, other, Date.now() - 86_400_000, `bench${k}${s}${Date.now()}`, Date.now())
					.lastInsertRowid
			);
			for (let r = 0; r < 3; r++) {
				const response = Number(
					db
						.prepare(
							'insert into response (round_id, token_hash, resume_hash, submitted_at) values (?, ?, ?, ?)'
						)
						.run(round, `b-${round}-${r}`, `bc-${round}-${r}`, Date.now()).lastInsertRowid
				);
				for (const item of VB)
					db.prepare('insert into answer values (?, ?, ?)').run(response, item, value);
			}
		}
	});
	db.close();

	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swvId}/scholen`);
	// Per school type: the SWV's own median of its PO schools (from the table's PO footer, which
	// also gives how many schools count); the other SWVs have PO schools only.
	const footer = async (type: string) =>
		(
			await page
				.locator('table.grid tfoot tr', { hasText: new RegExp(`^${type}`) })
				.locator('td')
				.first()
				.innerText()
		).split('\n');
	const [poMedian, poSpread] = await footer('PO');
	const ownPo = Number(poMedian!.replace(',', '.'));
	const poCount = Number(poSpread!.match(/(\d+) sch\./)![1]);
	const bench = page.getByRole('table', { name: 'Benchmark met de sector per schooltype' });
	const visieLines = bench.locator('tbody', { hasText: 'Visie en beleid' });
	const line = (type: string) =>
		visieLines
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: type, exact: true }) });
	const expected = (own: number, counts: boolean) => {
		const units = [0, 33, 67, 100, 0, ...(counts ? [own] : [])].sort((a, b) => a - b);
		const m =
			units.length % 2
				? units[(units.length - 1) / 2]!
				: (units[units.length / 2 - 1]! + units[units.length / 2]!) / 2;
		// The median of the SWV medians, to one decimal as the page shows it.
		return {
			median: (Math.round(m * 10) / 10).toLocaleString('nl-NL'),
			units: String(units.length)
		};
	};
	const po = expected(ownPo, poCount >= 5);
	await expect(line('PO').getByRole('cell').nth(1)).toHaveText(po.median);
	await expect(line('PO').getByRole('cell').last()).toHaveText(po.units);
	// Visie en beleid has the same statements for every type: a line over all types, labelled so,
	// with the SWV's median over all its schools.
	const [allMedian] = await footer('Alle typen');
	const all = expected(Number(allMedian!.replace(',', '.')), true);
	await expect(line('Alle typen (zelfde stellingen)').getByRole('cell').nth(1)).toHaveText(
		all.median
	);
	await expect(line('Alle typen (zelfde stellingen)').getByRole('cell').last()).toHaveText(
		all.units
	);
	// SBO: only this SWV has SBO schools, too few SWVs to compare.
	await expect(line('SBO')).toContainText('te weinig samenwerkingsverbanden');
	// Basisondersteuning: so answers other statements, so never a line over all types.
	await expect(
		bench
			.locator('tbody', { hasText: 'Basisondersteuning en ondersteuningsstructuur' })
			.getByRole('rowheader', { name: 'Alle typen (zelfde stellingen)' })
	).toHaveCount(0);
	// Themes the other SWVs have no scores for: too few to compare.
	await expect(bench.locator('tbody', { hasText: 'Positie van ouders' })).toContainText(
		'te weinig samenwerkingsverbanden'
	);
	await expectAccessible(page);

	// Another SWV's school does not exist in this SWV's view.
	expect((await page.request.get(`/swv/${swvId}/scholen/${voSchool}`)).status()).toBe(404);
});
