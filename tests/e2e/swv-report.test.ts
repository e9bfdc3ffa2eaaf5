import { expect, test } from '@playwright/test';
import { LEVEL_TINTS } from '../../src/lib/domain/colors';
import {
	outlineTitles,
	pageColourShares,
	pageInk,
	pdfFonts,
	pdfInfo,
	pdfPages,
	savePdf
} from '../helpers/pdf';
import { e2eDb, signIn } from './helpers';

/**
 * The SWV's PDF report: the same figures as its overview page, read back with poppler; every
 * page has content; font embedded, metadata, language, bookmarks and tags set.
 */
test('the SWV report holds the overview’s numbers, with bookmarks, tags and an embedded font', async ({
	page
}) => {
	const db = e2eDb();
	const swvId = db.prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	db.close();
	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swvId}/scholen`);
	const row = page.locator('table.grid tbody tr', {
		has: page.getByRole('rowheader', { name: 'CBS Het Kompas', exact: true })
	});
	const web = (await row.locator('td.cell').allInnerTexts()).map((t) => t.trim().split(/\s/)[0]);
	// The basisonderwijs schools' medians (the demo's PO, SBO and SO answer partly different
	// statements, so each type has its own page and figures in the PDF).
	const medians = (
		await page.locator('table.grid tfoot tr', { hasText: /^PO/ }).locator('td').allInnerTexts()
	).map((t) => t.trim().split('\n')[0]!);

	// The trend per school type, as the page's table gives it (all school years).
	const trendRow = page
		.getByRole('table', { name: /^Mediaan per thema, schooltype en schooljaar/ })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Visie en beleid (PO)', exact: true }) });
	const webTrend = (await trendRow.getByRole('cell').allInnerTexts()).map((t) => t.trim());
	// The sector benchmark per school type: this SWV's PO median on visie en beleid.
	const benchPo = page
		.getByRole('table', { name: 'Benchmark met de sector per schooltype' })
		.locator('tbody', { hasText: 'Visie en beleid' })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'PO', exact: true }) });
	const webBenchPo = (await benchPo.getByRole('cell').first().innerText()).trim();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Rapport van het samenwerkingsverband (PDF)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^scan-passend-onderwijs-samenwerkingsverband-passend-onderwijs-lindewaard-demo-\d{4}-\d{2}-\d{2}\.pdf$/
	);
	const pdf = await (await page.request.get(`/swv/${swvId}/rapport.pdf`)).body();
	const file = savePdf(pdf, 'swv.pdf');
	const pages = pdfPages(file);
	const text = pages.join('\n');

	// The overview row of CBS Het Kompas: the same scores, in the same order.
	const line = text
		.split('\n')
		.find((l) => l.trim().startsWith('CBS Het Kompas') && /\d+ [VOFG]/.test(l))!;
	expect(line.match(/\d+(?= [VOFG])/g)).toEqual(web);
	const medianLine = text.split('\n').find((l) => l.trim().startsWith('PO: mediaan'))!;
	expect(
		medianLine
			.trim()
			.split(/\s{2,}/)
			.slice(1)
	).toEqual(medians);
	// The trend per school type, the same figures as the page; pooled only on the same statements.
	const lines = text.split('\n').map((l) => l.trim());
	expect(
		lines.some(
			(l) =>
				l.startsWith('Visie en beleid (PO)') &&
				l.replace('Visie en beleid (PO)', '').trim().split(/\s+/).join(' ') === webTrend.join(' ')
		),
		`trend PO ${webTrend.join(' ')}`
	).toBe(true);
	expect(text).toContain('Visie en beleid (alle typen, zelfde stellingen)');
	expect(text).not.toMatch(/Basisondersteuning en\s+ondersteuningsstructuur\s+\(alle typen/);
	// The benchmark per school type: a PO line for visie en beleid with this SWV's median.
	expect(
		lines.some((l) => /^Visie en beleid\s+PO\s/.test(l) && l.split(/\s{2,}/)[2] === webBenchPo),
		`benchmark PO ${webBenchPo}`
	).toBe(true);
	// Decimal commas, never points, in the figures.
	expect(medianLine).not.toMatch(/\d\.\d/);
	expect(text).not.toMatch(/\b\d+\.\d\b/);
	// A page per school type, each with its own figures.
	for (const type of ['PO', 'SBO', 'SO']) {
		const page = pages.find((p) => p.includes(`${type}: mediaan`));
		expect(page, type).toBeDefined();
		expect(page).toContain(`${type}: kwartielen`);
	}
	expect(pages.findIndex((p) => p.includes('PO: mediaan'))).toBeLessThan(
		pages.findIndex((p) => p.includes('SBO: mediaan'))
	);
	// The matrix in the level colours (the letters V/O/F/G stay, for black and white).
	const matrixPage = pages.findIndex((p) => p.includes('PO: mediaan'));
	const shares = pageColourShares(file, Object.values(LEVEL_TINTS), 40)[matrixPage]!;
	expect(shares.filter((x) => x > 0.002).length).toBeGreaterThanOrEqual(3);
	expect(text).toContain('OBS Het Palet');
	expect(text).toContain('te weinig respondenten');
	expect(text).toContain('Koers en ondersteuningsplan');

	const info = pdfInfo(file);
	expect(info.Title).toBe(
		'Scan Passend Onderwijs: Samenwerkingsverband Passend Onderwijs Lindewaard (demo)'
	);
	expect(info.Tagged).toBe('yes');
	expect(Number(info.Pages)).toBe(pages.length);
	expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
	expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
	expect(outlineTitles(pdf).titles).toEqual(
		expect.arrayContaining([
			'Deelname',
			"Scholen × thema's",
			"Scholen × thema's: basisonderwijs (PO)",
			"Scholen × thema's: speciaal basisonderwijs (SBO)",
			'Verdeling en spreiding per thema',
			'Ontwikkeling per schooljaar',
			'Eigen scan van het samenwerkingsverband'
		])
	);
	for (const [i, ink] of pageInk(file).entries())
		expect(ink, `pagina ${i + 1}`).toBeGreaterThan(0.005);
});

test('the bestuursrapportage: two pages for the board and the OPR, from the same figures', async ({
	page
}) => {
	const swvId = e2eDb().prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swvId}/scholen`);
	// How many schools reach the norm on visie en beleid, counted from the table's marks.
	const visie = await page.locator('table.grid tbody tr td.cell:nth-child(4)').allInnerTexts();
	const meeting = visie.filter((t) => t.includes('▲')).length;
	const scored = visie.filter((t) => /\d/.test(t)).length;
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Bestuursrapportage voor bestuur en OPR/ }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^bestuursrapportage-samenwerkingsverband-.*\.pdf$/);
	const pdf = await (await page.request.get(`/swv/${swvId}/bestuursrapportage.pdf`)).body();
	const file = savePdf(pdf, 'bestuur.pdf');
	const pages = pdfPages(file);
	expect(pages.length).toBeLessThanOrEqual(2);
	const text = pages.join('\n').replace(/\s+/g, ' ');
	expect(text).toContain('Voor het bestuur en de ondersteuningsplanraad');
	// The norm is whatever the tests before set; the count is the table's.
	expect(text).toMatch(
		new RegExp(
			`Visie en beleid (Verkennen|In ontwikkeling|Functionerend|Geborgd) ${meeting} van ${scored} `
		)
	);
	expect(text).toMatch(/Niveau sinds \d{4}-\d{4}/);
	expect(text).toContain('Eigen scan van het samenwerkingsverband');
	expect(text).toContain('Koers en ondersteuningsplan');
	expect(text).not.toMatch(/\b\d+\.\d\b/);
	expect(pdfInfo(file).Tagged).toBe('yes');
	for (const [i, ink] of pageInk(file).entries())
		expect(ink, `pagina ${i + 1}`).toBeGreaterThan(0.005);
});
