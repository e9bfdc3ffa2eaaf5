/**
 * The respondent's theme page on a school laptop: Chromium with 4× CPU slowdown, medians of 10.
 * Prints the time until the first radio button is painted (and first contentful paint), the time
 * from a click on an answer to the frame that shows it checked, and the JavaScript the page loads
 * (gzipped). Budgets (issue 16): first radio ≤ 450 ms, click to checked ≤ 50 ms, JS ≤ 60 KB gz.
 *
 * Runs against a built app that is already running: start one with the demo data
 * (`tsx scripts/seed.ts`, `node scripts/start.js`), open a round, and pass its answer link:
 *   BASE=http://localhost:3000 LINK=/s/<token> tsx bench/respondent-page.ts
 * A figures-only script, not a test; run it on a quiet machine.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';

const BASE = process.env.BASE ?? 'http://localhost:3000';
const LINK = process.env.LINK;
const RUNS = Number(process.env.RUNS ?? 10);
if (!LINK) throw new Error('Geef LINK=/s/<token> van een open ronde mee.');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
	args: ['--no-sandbox']
});
const firstRadio: number[] = [];
const fcp: number[] = [];
const click: number[] = [];
let jsGzip = 0;
for (let run = 0; run < RUNS; run++) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	await page.goto(`${BASE}${LINK}`);
	await page.getByRole('button', { name: 'Start de scan' }).click();
	await page.waitForURL(/\/thema\/1$/);
	const themeUrl = page.url();
	// The measured load: the theme page again, from a cold cache, at 4× slowdown.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	// Polled at every frame from the start of the document: when the first radio has a box.
	await page.addInitScript(`(() => {
		const check = () => {
			const r = document.querySelector('input[type=radio]');
			if (r && r.getBoundingClientRect().height > 0) window.__radio = performance.now();
			else requestAnimationFrame(check);
		};
		requestAnimationFrame(check);
	})()`);
	const scripts: Promise<number>[] = [];
	page.on('response', (res) => {
		if (res.request().resourceType() === 'script')
			scripts.push(
				res
					.body()
					.then((b) => gzipSync(b).length)
					.catch(() => 0)
			);
	});
	await page.goto(themeUrl);
	await page.waitForFunction(() => (window as unknown as { __radio?: number }).__radio);
	await page.locator('form[data-autosave="aan"]').waitFor();
	firstRadio.push(await page.evaluate(() => (window as unknown as { __radio: number }).__radio));
	fcp.push(
		await page.evaluate(
			() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
		)
	);
	if (run === 0) jsGzip = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
	// Click to checked: from the pointer going down to the frame after the change.
	await page.evaluate(() => {
		const w = window as unknown as { __down?: number; __shown?: number };
		addEventListener('pointerdown', () => (w.__down = performance.now()), { capture: true });
		addEventListener('change', () => requestAnimationFrame(() => (w.__shown = performance.now())), {
			capture: true
		});
	});
	await page.locator('fieldset.item').first().getByText('Grotendeels').click();
	await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown);
	click.push(
		await page.evaluate(() => {
			const w = window as unknown as { __down: number; __shown: number };
			return w.__shown - w.__down;
		})
	);
	await context.close();
}
await browser.close();
const ms = (x: number) => `${Math.round(x)} ms`;
console.log(`Respondent theme page, 4× CPU slowdown, median of ${RUNS}:`);
console.log(`  first radio visible   ${ms(median(firstRadio))}  (budget 450 ms)`);
console.log(`  first contentful paint ${ms(median(fcp))}`);
console.log(`  click to checked       ${ms(median(click))}  (budget 50 ms)`);
console.log(`  JavaScript (gzip)      ${(jsGzip / 1024).toFixed(1)} KB  (budget 60 KB)`);
