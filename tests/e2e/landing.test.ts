import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers';

test('the landing page says what the scan is and for whom', async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page).toHaveTitle(/Scan Passend Onderwijs/);
	expect(await page.locator('html').getAttribute('lang')).toBe('nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Hoe ver is uw school met passend onderwijs?'
	);
	await expect(page.getByRole('heading', { name: 'Voor schoolteams' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Voor samenwerkingsverbanden' })).toBeVisible();
	// The themes come from the questionnaire file, not from the page.
	const themes = page.getByRole('region', { name: /thema's van de scan/ }).getByRole('listitem');
	await expect(themes).toHaveCount(9);
	await expect(themes.first()).toContainText('Visie en beleid');
	await expectAccessible(page);
});

test('the landing page sends a strict Content-Security-Policy and security headers', async ({
	request
}) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
	expect(headers['content-security-policy']).not.toContain("script-src 'self' 'unsafe-inline'");
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-content-type-options']).toBe('nosniff');
});

test('a keyboard user can skip to the content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#inhoud$/);
	await expect(page.locator('main')).toBeFocused();
});

test('the page fits a 320 px wide screen without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('an unknown page gives a Dutch 404 page', async ({ page }) => {
	const response = await page.goto('/bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
	await expect(page.getByText('Deze pagina bestaat niet (meer).')).toBeVisible();
	await expectAccessible(page);
});

test('the privacy page says what is stored and who sees what', async ({ page }) => {
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { name: 'Wat we bewaren' })).toBeVisible();
	await expect(page.getByText(/vanaf drie verstuurde vragenlijsten/)).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Wat anonimiteit niet kan voorkomen' })
	).toBeVisible();
	// The retention this installation runs with (the defaults here).
	const retention = page.getByRole('listitem');
	await expect(retention.filter({ hasText: /wordt 30 dagen na het\s+sluiten/ })).toHaveCount(1);
	await expect(retention.filter({ hasText: /wordt 5 jaar bewaard/ })).toHaveCount(1);
	await expectAccessible(page);
});

test('/healthz says the process lives, /readyz that it may take traffic', async ({ request }) => {
	const live = await request.get('/healthz');
	expect(live.status()).toBe(200);
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(await ready.text()).toBe('klaar\n');
});
