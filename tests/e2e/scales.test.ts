import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { E2E_DATA, e2eDb, roundWithAnswers, signIn } from './helpers';

/**
 * One scale in view at a time: each results table says which scale it shows and what "—" means;
 * medians are said in plain words; labels do not look like buttons; charts that count have whole
 * numbers on their axis; sharing is not offered for an open round.
 */

test('the results page names the scale of each table and explains "—"', async ({ page }) => {
	const id = roundWithAnswers('Schalen', [
		[4, 1],
		[4, 2],
		[3, 1],
		[3, 2],
		[2, 1]
	]);
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	await expect(page.getByRole('region', { name: 'Per thema', exact: true })).toContainText(
		'In deze tabel staan scores van 0 tot 100. "—": te weinig antwoorden om te tonen.'
	);
	const theme = page.getByRole('region', { name: 'Visie en beleid', exact: true });
	await theme.locator('summary', { hasText: 'Antwoorden per stelling' }).click();
	await expect(theme).toContainText(
		'Deze tabel toont geen score van 0 tot 100, maar per stelling het gemiddelde antwoord op de schaal van 1 (niet) tot 4 (volledig)'
	);
	await expect(theme.getByRole('columnheader', { name: 'Gemiddeld (1–4)' })).toBeVisible();
	// The contents list says in words what a missing score means, not with a bare dash.
	await expect(page.getByRole('navigation', { name: 'Op deze pagina' })).not.toContainText('—');
	await expect(page.getByText(/mediaan \(kwartielen\)/i)).toHaveCount(0);
});

test('labels (level, signal, timing) do not look like the buttons', async ({ page }) => {
	await page.goto('/catalogus');
	const tag = page.locator('.tag').first();
	await expect(tag).toBeVisible();
	const style = await tag.evaluate((e) => {
		const s = getComputedStyle(e);
		return {
			cursor: s.cursor,
			shadow: s.boxShadow,
			radius: s.borderTopLeftRadius,
			top: s.borderTopWidth,
			role: e.getAttribute('role'),
			tabIndex: (e as HTMLElement).tabIndex
		};
	});
	expect(style).toEqual({
		cursor: 'auto',
		shadow: 'none',
		radius: '0px',
		top: '0px',
		role: null,
		tabIndex: -1
	});
});

test('the SWV overview counts schools per level in whole numbers and says "middelste score"', async ({
	page
}) => {
	const swvId = e2eDb().prepare("select id from swv where code = 'PO2799'").pluck().get() as number;
	await signIn(page, 'swv@example.org');
	await page.goto(`/swv/${swvId}/scholen`);
	const chart = page.getByRole('img', {
		name: /^Gestapeld staafdiagram: per thema het aantal scholen/
	});
	await expect
		.poll(async () => {
			const json = await chart.locator('canvas').getAttribute('data-drawn');
			return json ? (JSON.parse(json) as { axes: Record<string, string[]> }).axes.x : null;
		})
		.toEqual(expect.arrayContaining(['0', '1']));
	const ticks = JSON.parse((await chart.locator('canvas').getAttribute('data-drawn'))!) as {
		axes: { x: string[] };
	};
	for (const t of ticks.axes.x) expect(t, 'a whole number of schools').toMatch(/^\d+$/);
	await expect(page.getByRole('table').first()).toContainText('middelste score');
	await expect(page.getByText(/mediaan \(kwartielen\)/i)).toHaveCount(0);
});

test('sharing with the SWV is not offered for an open round, and the server refuses it', async ({
	page
}) => {
	const id = roundWithAnswers('Nog open', [[4], [3], [2], [3], [4]]);
	const db = new Database(join(E2E_DATA, 'scan.db'));
	db.prepare("update round set status = 'open', closes_at = ? where id = ?").run(
		Date.now() + 7 * 86_400_000,
		id
	);
	db.close();
	await signIn(page, 'school@example.org');
	await page.goto(`/rondes/${id}/resultaten`);
	const sharing = page.getByRole('region', { name: 'Delen met het samenwerkingsverband' });
	await expect(sharing).toContainText('Delen kan nog niet. De ronde loopt nog.');
	await expect(sharing.getByRole('button', { name: 'Uitkomsten delen' })).toHaveCount(0);
	await expect(sharing.getByRole('checkbox')).toHaveCount(0);
	const forced = await page.request.post(`/rondes/${id}/resultaten?/vrijgeven`, {
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		form: { note: '', confirm: 'ja' }
	});
	expect(forced.status()).toBe(409);
	expect(e2eDb().prepare('select released_at from round where id = ?').pluck().get(id)).toBeNull();
});
