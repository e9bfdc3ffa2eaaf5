import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { statement } from '../../src/lib/domain/accessibility-statement';
import { formatDate } from '../../src/lib/domain/format';
import { AXE_ROUTES_FILE, expectAccessible, pageRoutes, routeIdOf } from './helpers';

/**
 * Runs last (files run in name order): every page route must have had an axe run in this suite
 * (`expectAccessible`: its own width, 360 and 320 px, and no sideways scroll at 320 px), and the
 * accessibility statement must say no more and no less than those runs show.
 */

test('the route of a URL is found as SvelteKit would', () => {
	expect(routeIdOf('/')).toBe('/');
	expect(routeIdOf('/beheer/swv/12')).toBe('/beheer/swv/[id]');
	expect(routeIdOf('/beheer/swv')).toBe('/beheer/swv');
	expect(routeIdOf('/swv/3/scholen/7')).toBe('/swv/[id]/scholen/[school]');
	expect(routeIdOf('/s/abc/thema/2')).toBe('/s/[token]/thema/[n]');
	expect(routeIdOf('/bestaat/niet/echt')).toBeNull();
	expect(pageRoutes()).toContain('/toegankelijkheid');
});

test('the accessibility statement shows what its file says and passes axe', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
	await expect(page.getByText(formatDate(statement.lastChecked)).first()).toBeVisible();
	await expect(page.getByText(statement.status, { exact: true })).toBeVisible();
	const rows = page.getByRole('region', { name: 'Status per succescriterium' }).getByRole('row');
	await expect(rows).toHaveCount(statement.criteria.length + 1);
	for (const e of statement.exceptions) await expect(page.getByText(e.what)).toBeVisible();
	// The installation's address (CONTACT_EMAIL in playwright.config.ts), not one from the code.
	await expect(page.getByRole('link', { name: 'toegankelijkheid@scan.example' })).toHaveAttribute(
		'href',
		'mailto:toegankelijkheid@scan.example'
	);
	await expectAccessible(page);
});

test('the statement lists every WCAG 2.1 AA criterion, and marks as axe-checked exactly those axe-core checks', () => {
	const ids = statement.criteria.map((c) => c.id);
	expect(new Set(ids).size).toBe(50);
	expect(statement.criteria.filter((c) => c.level === 'A')).toHaveLength(30);
	// The criteria the axe run of the tests covers: axe-core's own rules for the tags it runs with.
	const axe = createRequire(import.meta.url)('axe-core') as {
		getRules: (tags: string[]) => { ruleId: string; tags: string[] }[];
	};
	const covered = new Set<string>();
	for (const rule of axe.getRules(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])) {
		if (rule.tags.includes('experimental') || rule.tags.includes('deprecated')) continue;
		for (const tag of rule.tags) {
			const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
			if (m) covered.add(`${m[1]}.${m[2]}.${m[3]}`);
		}
	}
	expect(
		statement.criteria.filter((c) => c.axe).map((c) => c.id),
		'criteria marked as checked by axe'
	).toEqual(ids.filter((id) => covered.has(id)));
	// "Voldoet" on a criterion axe cannot check needs another check in these tests: named in `how`.
	for (const c of statement.criteria.filter((c) => c.state === 'voldoet' && !c.axe))
		expect(c.how, `${c.id} voldoet: hoe gecontroleerd`).toMatch(/browsertest/);
	// An exception names only criteria that are not marked as met (else it is no longer true).
	for (const e of statement.exceptions)
		for (const id of e.criteria) {
			const c = statement.criteria.find((x) => x.id === id);
			expect(c, `uitzondering bij onbekend criterium ${id}`).toBeDefined();
			expect(c!.state, `uitzondering bij ${id}, dat als "voldoet" staat`).not.toBe('voldoet');
		}
	// The date of the last check is not in the future.
	expect(statement.lastChecked <= new Date().toISOString().slice(0, 10)).toBe(true);
});

test('every page had an axe run in this suite (at its own width, 360 and 320 px)', () => {
	test.skip(
		!!process.env.AXE_COVERAGE_PARTIAL,
		'AXE_COVERAGE_PARTIAL: only some specs ran, coverage is not complete by design'
	);
	expect(existsSync(AXE_ROUTES_FILE), `${AXE_ROUTES_FILE}: no page had an axe run`).toBe(true);
	const checked = new Set(readFileSync(AXE_ROUTES_FILE, 'utf8').split('\n').filter(Boolean));
	expect(
		pageRoutes().filter((r) => !checked.has(r)),
		'page routes without an axe run (call expectAccessible on them in a spec)'
	).toEqual([]);
});
