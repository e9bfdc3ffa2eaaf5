import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { databaseWithOpenRound } from '../helpers/open-round';
import { autosaveReady } from './helpers';
import { startBuiltServer } from '../helpers/server';

/**
 * A statement with `visibleIf` appears and disappears as the earlier answer changes, with
 * JavaScript in the browser and without it on the server. The committed v1 has no such item, so
 * this runs the built app on a copy where "zo-opp-evaluatie" shows only once "zo-opp-tijdig" has a
 * scored answer.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 240;
const ORIGIN = `http://localhost:${PORT}`;
let server: ChildProcess;
let file: string;
const token = 'v'.repeat(26);

test.beforeAll(async () => {
	const dir = mkdtempSync(join(tmpdir(), 'spo-visible-'));
	cpSync('questionnaires', join(dir, 'questionnaires'), { recursive: true });
	const path = join(dir, 'questionnaires/school-scan/v1.json');
	const q = JSON.parse(readFileSync(path, 'utf8'));
	const theme = q.themes.find((t: { id: string }) => t.id === 'zicht-op-ontwikkeling');
	const item = theme.items.find((i: { id: string }) => i.id === 'zo-opp-evaluatie');
	item.visibleIf = { item: 'zo-opp-tijdig', in: [1, 2, 3, 4] };
	writeFileSync(path, JSON.stringify(q, null, '\t'));
	file = join(dir, 'scan.db');
	databaseWithOpenRound(file, token, join(dir, 'questionnaires'));
	server = await startBuiltServer(PORT, {
		DATABASE_URL: file,
		QUESTIONNAIRES_DIR: join(dir, 'questionnaires')
	});
});

test.afterAll(() => {
	server.kill('SIGTERM');
});

const storedValue = (item: string) => {
	const db = new Database(file, { readonly: true });
	const values = db.prepare('select value from answer where item_id = ?').pluck().all(item);
	db.close();
	return values;
};

test('with JavaScript the statement appears, and its answer goes when it disappears', async ({
	page
}) => {
	await page.goto(`${ORIGIN}/s/${token}`);
	await page.getByRole('button', { name: 'Start de scan' }).click();
	await page.goto(`${ORIGIN}/s/${token}/thema/3`);
	await autosaveReady(page);
	const evaluation = page.getByRole('group', { name: /evalueren en herzien we minstens één keer/ });
	await expect(page.getByText('0 van 51 stellingen beantwoord')).toBeVisible();
	await expect(evaluation).toBeHidden();
	const timely = page.getByRole('group', { name: /binnen de wettelijke termijn opgesteld/ });
	await timely.getByLabel('Grotendeels').check();
	await expect(evaluation).toBeVisible();
	await expect(page.getByText('1 van 52 stellingen beantwoord')).toBeVisible();
	await evaluation.getByLabel('Volledig').check();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	await expect.poll(() => storedValue('zo-opp-evaluatie')).toEqual([4]);

	await timely.getByLabel('Weet ik niet').check();
	await expect(evaluation).toBeHidden();
	await expect.poll(() => storedValue('zo-opp-evaluatie')).toEqual([]);
	await expect(page.getByText('1 van 51 stellingen beantwoord')).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server shows the statement after the answer that opens it, before moving on', async ({
		page
	}) => {
		await page.goto(`${ORIGIN}/s/${token}`);
		await page.getByRole('button', { name: 'Start de scan' }).click();
		await page.goto(`${ORIGIN}/s/${token}/thema/3`);
		const evaluation = page.getByRole('group', {
			name: /evalueren en herzien we minstens één keer/
		});
		await expect(evaluation).toBeHidden();
		await page
			.getByRole('group', { name: /binnen de wettelijke termijn opgesteld/ })
			.getByLabel('Enigszins')
			.check();
		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(
			page.getByText('Door uw antwoord is er een stelling bijgekomen op deze pagina.')
		).toBeVisible();
		await expect(page.getByText(/Thema 3 van 9/)).toBeVisible();
		await expect(evaluation).toBeVisible();
		await evaluation.getByLabel('Niet', { exact: true }).check();
		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(page.getByText(/Thema 4 van 9/)).toBeVisible();
		expect(storedValue('zo-opp-evaluatie')).toContain(1);
	});
});
