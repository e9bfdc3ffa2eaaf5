import { expect, test } from '@playwright/test';
import { outlineTitles, pageInk, pdfFonts, pdfInfo, pdfPages, savePdf } from '../helpers/pdf';
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
	const medians = (
		await page.locator('table.grid tfoot tr').first().locator('td').allInnerTexts()
	).map((t) => t.trim());

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
	const medianLine = text.split('\n').find((l) => l.trim().startsWith('Mediaan'))!;
	expect(
		medianLine
			.trim()
			.split(/\s{2,}/)
			.slice(1)
	).toEqual(medians);
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
			'Verdeling en spreiding per thema',
			'Ontwikkeling per schooljaar',
			'Eigen scan van het samenwerkingsverband'
		])
	);
	for (const [i, ink] of pageInk(file).entries())
		expect(ink, `pagina ${i + 1}`).toBeGreaterThan(0.005);
});
