import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { outlineTitles, pageInk, pdfFonts, pdfInfo, pdfPages, savePdf } from '../helpers/pdf';
import { E2E_DATA, signIn, roundWithAnswers } from './helpers';

/**
 * The school PDF, downloaded through the results page's link, says what the page says; below
 * the minimum it shows no scores; another school's coordinator gets nothing.
 */

test('the PDF from the results page says what the page says', async ({ page }) => {
	const id = roundWithAnswers('PDF bekende antwoorden', [
		[4, 1],
		[4, 1],
		[3, 2],
		[3, 2],
		[2, 0]
	]);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	const rows = await page
		.getByRole('table', { name: 'Score, niveau en signalen per thema' })
		.getByRole('row')
		.all();
	const onPage: { title: string; cells: string[] }[] = [];
	for (const row of rows.slice(1)) {
		onPage.push({
			title: (await row.getByRole('rowheader').textContent())!.trim(),
			cells: (await row.getByRole('cell').allTextContents()).map((c) => c.trim())
		});
	}
	expect(onPage).toHaveLength(9);
	const overall = await page.getByText(/^Gemiddeld over alle thema's: /).textContent();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Rapport downloaden (PDF)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^scan-passend-onderwijs-obs-de-regenboog-\d{4}-\d{2}-\d{2}\.pdf$/
	);
	const file = join(E2E_DATA, `rapport-${id}.pdf`);
	await download.saveAs(file);
	const pages = pdfPages(file);
	const text = pages.join('\n');

	// Per theme: the page's score, level and verdict, on the theme's own page of the PDF.
	for (const { title, cells } of onPage) {
		const [score, level, verdict] = cells;
		const themePage = pages.find((p) =>
			new RegExp(`\\n\\s*${title}\\n\\s*Thema \\d van 9`).test(p)
		);
		expect(themePage, title).toBeDefined();
		if (score === '—') expect(themePage).toContain('Te weinig antwoorden voor een score.');
		else
			expect(themePage).toContain(`Score ${score} van 100: ${level} (${verdict!.toLowerCase()}).`);
	}
	expect(text).toContain(overall!.trim());
	expect(text).toContain('Score 73 van 100: Functionerend (gaat goed).');
	expect(text).toMatch(
		/1\. Binnen het team is er een gedeeld beeld.*\s+3,2\s+0\s+1\s+2\s+2\s+0\s+5\n/
	);

	const info = pdfInfo(file);
	expect(info.Tagged).toBe('yes');
	expect(info.Title).toBe(
		'Scan Passend Onderwijs: OBS De Regenboog, Lindewaard, PDF bekende antwoorden'
	);
	expect(Number(info.Pages)).toBe(pages.length);
	expect(pages.at(-1)).toContain(`Pagina ${pages.length} van ${pages.length}`);
	expect(outlineTitles(readFileSync(file)).titles).toContain(
		'Samenvatting voor de medezeggenschapsraad'
	);
	expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
	for (const share of pageInk(file)) expect(share).toBeGreaterThan(0.002);
});

test('below the minimum the PDF shows no scores; another school gets 404', async ({
	page,
	request
}) => {
	const id = roundWithAnswers('PDF te weinig', [
		[4, 4],
		[1, 1]
	]);
	await signIn(page, 'school@example.org');
	const response = await page.request.get(`/rondes/${id}/rapport.pdf`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="scan-passend-onderwijs-obs-de-regenboog-\d{4}-\d{2}-\d{2}\.pdf"$/
	);
	const file = savePdf(await response.body());
	const text = pdfPages(file).join('\n').replace(/\s+/g, ' ');
	expect(text).toContain(
		'Te weinig respondenten: de uitkomsten worden pas getoond vanaf 3 respondenten'
	);
	expect(text).not.toMatch(/Score \d+ van 100|Gemiddeld over alle/);

	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await signIn(page, 'school-b@example.org');
	expect((await page.request.get(`/rondes/${id}/rapport.pdf`)).status()).toBe(404);
	// Not signed in: to the sign-in page.
	const anonymous = await request.get(`/rondes/${id}/rapport.pdf`, { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
	expect(anonymous.headers().location).toMatch(/^\/inloggen/);
});
