import { describe, expect, it } from 'vitest';
import { SignInThrottle, SLOW_AFTER } from '$lib/server/auth/rate-limit';
import { safeRedirect } from '$lib/server/auth/sign-in';

describe('safeRedirect: where the sign-in page sends you afterwards', () => {
	it.each([
		['/rondes/12/resultaten', '/rondes/12/resultaten'],
		['/overzicht?welkom', '/overzicht?welkom'],
		['/uitnodiging/abc', '/uitnodiging/abc'],
		// Dots are resolved and non-ASCII is percent-encoded, so the Location header is plain ASCII.
		['/a/./b/../c', '/a/c'],
		['/zoek?q=coördinator', '/zoek?q=co%C3%B6rdinator'],
		['/school/€', '/school/%E2%82%AC']
	])('follows the same-site path %j', (target, expected) => {
		expect(safeRedirect(target)).toBe(expected);
	});

	it.each([
		null,
		'',
		'https://evil.example/phish',
		'evil.example',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'/\t/evil.example/phish', // seen on main: Chromium drops the tab and lands on evil.example
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/\x0b/evil.example',
		'/\x0c/evil.example',
		'/\x00/evil.example',
		'/\x7f',
		'/\u0085/evil.example',
		'/\u2028/evil.example',
		'/a/..//evil.example',
		'/..//evil.example',
		'/./\\/evil.example',
		'\\\\evil.example',
		' /overzicht',
		'javascript:alert(1)'
	])('goes to the overview instead of %j', (target) => {
		expect(safeRedirect(target)).toBe('/overzicht');
	});
});

describe('SignInThrottle: slow down the account, stop only one address', () => {
	it('stops an address after five failures for an account, while the owner signs in elsewhere', () => {
		const t = new SignInThrottle();
		const now = 1_000_000;
		for (let i = 0; i < 5; i++) t.failed('beheer@example.org', '203.0.113.9', now);
		expect(t.check('beheer@example.org', '203.0.113.9', now).refused).toBe(true);
		expect(t.check('beheer@example.org', '198.51.100.4', now)).toEqual({
			refused: false,
			delayMs: 0
		});
		// Fifteen minutes later the pair may try again.
		expect(t.check('beheer@example.org', '203.0.113.9', now + 15 * 60_000).refused).toBe(false);
	});

	it('answers failures from many addresses with a growing delay, capped, never a lock', () => {
		const t = new SignInThrottle();
		const delays: number[] = [];
		for (let i = 0; i < SLOW_AFTER + 8; i++) {
			delays.push(t.check('beheer@example.org', '192.0.2.200').delayMs);
			t.failed('beheer@example.org', `192.0.2.${i}`);
		}
		expect(delays.slice(0, SLOW_AFTER)).toEqual(Array(SLOW_AFTER).fill(0));
		expect(delays.slice(SLOW_AFTER)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
		expect(t.check('beheer@example.org', '192.0.2.200').refused).toBe(false);
		t.succeeded('beheer@example.org', '192.0.2.200');
		expect(t.check('beheer@example.org', '192.0.2.200').delayMs).toBe(0);
	});
});
