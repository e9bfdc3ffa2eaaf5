import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import type { APIRequestContext } from '@playwright/test';
export const E2E_DATA = process.env.E2E_DATA ?? 'tests/.tmp/e2e';

/** The widths every page is checked at besides its own: a phone held upright and the WCAG reflow width. */
export const AXE_WIDTHS = [360, 320] as const;
/** Where each spec notes the route ids it ran axe on (`axe-coverage.test.ts` reads it last). */
export const AXE_ROUTES_FILE = join(E2E_DATA, 'axe-routes.txt');

/** Every page route in src/routes (a folder with +page.svelte), as SvelteKit route ids. */
export function pageRoutes(dir = 'src/routes'): string[] {
	const found: string[] = [];
	const walk = (path: string) => {
		const names = readdirSync(path);
		for (const name of names) if (statSync(join(path, name)).isDirectory()) walk(join(path, name));
		if (names.includes('+page.svelte')) {
			const id = '/' + relative(dir, path).split('\\').join('/');
			found.push(id === '/' ? '/' : id.replace(/\/$/, ''));
		}
	};
	walk(dir);
	return found.sort();
}

/** The page route a pathname belongs to: a static segment wins over a parameter. */
export function routeIdOf(pathname: string): string | null {
	const path = pathname.replace(/\/$/, '') || '/';
	const matches = pageRoutes().filter((id) =>
		new RegExp('^' + id.replace(/[.]/g, '\\.').replace(/\[[^\]]+\]/g, '[^/]+') + '$').test(path)
	);
	matches.sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0));
	return matches[0] ?? null;
}

async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
}

/**
 * Elements that stick out to the right of the viewport at this width (the page scrolls sideways),
 * except inside a scroll region of their own that is focusable and named (WCAG 1.4.10 allows a
 * table to scroll in two directions).
 */
async function sidewaysScroll(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		if (document.documentElement.scrollWidth <= innerWidth) return [];
		const out: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			const region = el.closest('[role="region"][tabindex="0"]');
			if (region && region !== el && region.hasAttribute('aria-label')) continue;
			if (region && region !== el && region.hasAttribute('aria-labelledby')) continue;
			const box = el.getBoundingClientRect();
			if (box.right > innerWidth + 0.5 && getComputedStyle(el).visibility !== 'hidden')
				out.push(
					`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (rechts ${Math.round(box.right)} px)`
				);
		}
		return [
			`scrollWidth ${document.documentElement.scrollWidth} > ${innerWidth}`,
			...out.slice(0, 8)
		];
	});
}

/**
 * WCAG 2.1 A and AA, checked by axe-core on the page as it is now, then again at 360 and 320 px
 * wide (where the page must not scroll sideways: reflow, 1.4.10); the size is restored after.
 * The page's route id is noted, so `axe-coverage.test.ts` can tell which pages were never checked.
 */
export async function expectAccessible(page: Page): Promise<void> {
	// Three axe runs of a long page (the results page has nine charts and tables) take up to
	// half a minute on a loaded 2-core machine: each call extends the test's budget.
	test.info().setTimeout(test.info().timeout + 30_000);
	const route = routeIdOf(new URL(page.url()).pathname);
	const size = page.viewportSize();
	expect(await axeViolations(page), `axe-core violations at ${size?.width ?? '?'} px`).toEqual([]);
	// axe-core 4.x no longer checks duplicate ids (4.1.1 left WCAG 2.2), but a label or
	// aria-describedby pointing at the wrong element still misleads a screen reader.
	const duplicateIds = await page.evaluate(() => {
		const seen = new Set<string>();
		const twice = new Set<string>();
		for (const el of document.querySelectorAll('[id]')) (seen.has(el.id) ? twice : seen).add(el.id);
		return [...twice];
	});
	expect(duplicateIds, 'ids used more than once').toEqual([]);
	try {
		for (const width of AXE_WIDTHS) {
			await page.setViewportSize({ width, height: 720 });
			// Let charts and other resize observers settle at the new width.
			await page.evaluate(
				() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
			);
			await page.waitForTimeout(100);
			expect(await axeViolations(page), `axe-core violations at ${width} px`).toEqual([]);
			if (width === 320)
				expect(await sidewaysScroll(page), 'sideways scroll at 320 px').toEqual([]);
		}
	} finally {
		if (size) await page.setViewportSize(size);
	}
	// Noted only once every width passed: a failed or timed-out run does not count as checked.
	if (route) appendFileSync(AXE_ROUTES_FILE, route + '\n');
}

export const DEMO_PASSWORD = 'demo-wachtwoord';
export const BASE = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** Quoted-printable to text, byte-exact (so UTF-8 such as "ö" survives). */
function decodeQuotedPrintable(text: string): string {
	const bytes: number[] = [];
	const soft = text.replace(/=\r?\n/g, '');
	for (let i = 0; i < soft.length; i++) {
		const hex = soft.slice(i + 1, i + 3);
		if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/** A header value: unfolded, with RFC 2047 encoded words (`=?UTF-8?Q?...?=`) decoded. */
function decodeHeader(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
			kind.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuotedPrintable(data.replace(/_/g, ' '))
		);
}

/** The newest message in the outbox addressed to `to`, as subject and decoded text. */
export function lastMailTo(
	to: string
): { subject: string; text: string; link: string | null } | null {
	const dir = join(E2E_DATA, 'outbox');
	let names: string[] = [];
	try {
		names = readdirSync(dir)
			.filter((n) => n.endsWith('.eml'))
			.sort();
	} catch {
		return null;
	}
	for (const name of names.reverse()) {
		const raw = readFileSync(join(dir, name), 'utf8');
		const [rawHead = '', ...body] = raw.split(/\r?\n\r?\n/);
		const head = rawHead.replace(/\r?\n[ \t]+/g, ' ');
		if (!new RegExp(`^To: .*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(head)) continue;
		const qp = /content-transfer-encoding: quoted-printable/i.test(head);
		const text = qp ? decodeQuotedPrintable(body.join('\n\n')) : body.join('\n\n');
		const subject = decodeHeader(/^Subject: (.*)$/m.exec(head)?.[1] ?? '');
		return { subject, text, link: /https?:\/\/\S+/.exec(text)?.[0] ?? null };
	}
	return null;
}

/** Read-only look into the test server's database, for ids and for checking that nothing changed. */
export function e2eDb(): Database.Database {
	return new Database(join(E2E_DATA, 'scan.db'), { readonly: true, fileMustExist: true });
}

/** Signs in through the form and returns the session cookie value. */
export async function sessionCookie(
	request: APIRequestContext,
	email: string,
	password = DEMO_PASSWORD
) {
	const response = await request.post('/inloggen', {
		form: { email, password },
		// text/html: SvelteKit answers */* form posts with JSON instead of a redirect.
		headers: { origin: BASE, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `inloggen als ${email}`).toBe(303);
	const cookie = response.headers()['set-cookie'] ?? '';
	const token = /sessie=([^;]+)/.exec(cookie)?.[1];
	expect(token, `sessiecookie voor ${email}`).toBeTruthy();
	return token!;
}

/** Signs in through the sign-in page, as a user would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Waits until a respondent page saves every change as it happens (its script has started). */
export async function autosaveReady(page: Page): Promise<void> {
	await page.locator('form[data-autosave="aan"]').waitFor();
}

/** The statements of two school-scan themes, for tests that write known answers. */
export const VB = [
	'vb-gedeelde-visie',
	'vb-visie-in-praktijk',
	'vb-sop-actueel',
	'vb-ambities-concreet',
	'vb-aansluiting-swv',
	'vb-sturing-schoolleiding'
];
export const OS = [
	'os-basisondersteuning-bekend',
	'os-basisondersteuning-geboden',
	'os-rollen-helder',
	'os-ondersteuningsoverleg',
	'os-route-extra-ondersteuning',
	'os-capaciteit'
];

/**
 * A finished round of OBS De Regenboog whose sent responses gave these answers (item id → value),
 * written straight into the test server's database; optionally an open comment from the first.
 */
export function roundWithItemAnswers(
	title: string,
	respondents: Record<string, number>[],
	{
		comment,
		opensAt = Date.now(),
		closedAt
	}: { comment?: string; opensAt?: number; closedAt?: number } = {}
): number {
	const db = new Database(join(E2E_DATA, 'scan.db'));
	const school = db
		.prepare("select id, swv_id from school where instellingscode = '90AA'")
		.get() as { id: number; swv_id: number };
	const token = Array.from(
		{ length: 26 },
		() => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(Math.random() * 32)]
	).join('');
	const roundId = Number(
		db
			.prepare(
				"insert into round (scope, school_id, swv_id, questionnaire_id, questionnaire_version, title, opens_at, status, closed_at, share_token) values ('school', ?, ?, 'school-scan', 1, ?, ?, 'closed', ?, ?)"
			)
			.run(school.id, school.swv_id, title, opensAt, closedAt ?? null, token).lastInsertRowid
	);
	const addAnswer = db.prepare('insert into answer values (?, ?, ?)');
	respondents.forEach((answers, r) => {
		const responseId = Number(
			db
				.prepare(
					"insert into response (round_id, token_hash, resume_hash, respondent_group, submitted_at) values (?, ?, ?, 'leraar', ?)"
				)
				.run(roundId, `t-${roundId}-${r}`, `r-${roundId}-${r}`, Date.now()).lastInsertRowid
		);
		for (const [item, value] of Object.entries(answers)) addAnswer.run(responseId, item, value);
		if (comment && r === 0)
			db.prepare('insert into theme_comment values (?, ?, ?)').run(
				responseId,
				'visie-en-beleid',
				comment
			);
	});
	db.close();
	return roundId;
}

/**
 * A finished round of OBS De Regenboog with known answers: per respondent the value for every
 * visie statement and (if given) every ondersteuning statement, and optionally an open comment
 * from the first respondent.
 */
export function roundWithAnswers(
	title: string,
	respondents: number[][],
	options: { comment?: string; opensAt?: number; closedAt?: number } = {}
): number {
	return roundWithItemAnswers(
		title,
		respondents.map(([vb, os]) => ({
			...Object.fromEntries(VB.map((item) => [item, vb!])),
			...(os === undefined ? {} : Object.fromEntries(OS.map((item) => [item, os])))
		})),
		options
	);
}
