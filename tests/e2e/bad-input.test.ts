import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { BASE, E2E_DATA, e2eDb, sessionCookie } from './helpers';

/**
 * Bad input on every form: a Dutch message, a 4xx, and nothing changed in the database.
 * Runs as the coordinators and the admin (the sign-in throttling test blocks swv-vo before this).
 */

type Who = 'anoniem' | 'school' | 'swv' | 'beheer';
type Case = [who: Who, path: string, form: Record<string, string>, status: number, message: string];

const long = (n: number) => 'x'.repeat(n);

test('every form refuses bad input with a Dutch message and changes nothing', async ({
	playwright
}) => {
	const db = e2eDb();
	const one = (sql: string) => db.prepare(sql).pluck().get() as number;
	const school = one("select id from school where instellingscode = '90AA'");
	const otherSwvSchool = one("select id from school where instellingscode = '91BA'");
	const swv = one("select id from swv where code = 'PO2799'");
	// School A's latest round: closed, its minimum reached.
	const round = one(
		`select id from round where school_id = ${school} order by opens_at desc limit 1`
	);
	const counts = () =>
		db
			.prepare(
				`select (select count(*) from swv), (select count(*) from school), (select count(*) from user),
				(select count(*) from invitation), (select count(*) from membership), (select count(*) from password_reset),
				(select group_concat(name || active, ',') from (select name, active from school order by id)),
				(select group_concat(name || code, ',') from swv), (select group_concat(name || email, ',') from user),
				(select count(*) || ':' || sum(hidden) from catalog_item), (select count(*) from round),
				(select group_concat(id || title || hidden, ',') from catalog_item where swv_id is not null),
				(select count(*) from round_reminder), (select group_concat(coalesce(team_size, 0)) from round)`
			)
			.raw()
			.get();
	const before = counts();

	const cases: Case[] = [
		[
			'anoniem',
			'/inloggen',
			{ email: `${long(250)}@example.org`, password: 'x' },
			400,
			'Dit e-mailadres is te lang.'
		],
		[
			'anoniem',
			'/inloggen',
			{ email: 'geen-adres', password: 'x' },
			400,
			'Vul een geldig e-mailadres in'
		],
		[
			'anoniem',
			'/inloggen',
			{ email: 'a@example.org', password: long(200) },
			400,
			'Dit wachtwoord is te lang.'
		],
		['anoniem', '/wachtwoord-vergeten', { email: 'x' }, 400, 'Vul een geldig e-mailadres in'],
		['school', '/account?/naam', { name: '' }, 400, 'Vul een naam in.'],
		['school', '/account?/naam', { name: long(121) }, 400, 'Een naam is hoogstens 120 tekens.'],
		[
			'school',
			'/account?/wachtwoord',
			{ current: 'demo-wachtwoord', password: 'kort', confirm: 'kort' },
			400,
			'Een wachtwoord heeft minstens 10 tekens.'
		],
		[
			'school',
			'/account?/wachtwoord',
			{ current: 'demo-wachtwoord', password: long(129), confirm: long(129) },
			400,
			'Een wachtwoord is hoogstens 128 tekens.'
		],
		[
			'school',
			'/account?/wachtwoord',
			{ current: 'demo-wachtwoord', password: 'lang-genoeg-1', confirm: 'lang-genoeg-2' },
			400,
			'De twee wachtwoorden zijn niet gelijk.'
		],
		[
			'school',
			`/scholen/${school}?/uitnodigen`,
			{ email: 'geen-adres' },
			400,
			'Vul een geldig e-mailadres in'
		],
		[
			'school',
			`/scholen/${school}?/uitnodigen`,
			{ email: 'school@example.org' },
			409,
			'is al coördinator van deze school.'
		],
		// A round with parents: only a questionnaire that goes beside the school scan, and a
		// parents' minimum of at least 5 (issue 19). No round opens.
		[
			'school',
			`/scholen/${school}?/ronde`,
			{ version: '1', title: 'Ronde met ouders', minRespondents: '3', companion: 'swv-scan' },
			400,
			'Deze vragenlijst kan hier niet mee.'
		],
		[
			'school',
			`/scholen/${school}?/ronde`,
			{
				version: '1',
				title: 'Ronde met ouders',
				minRespondents: '3',
				companion: 'ouder-scan',
				companionMinRespondents: '3'
			},
			400,
			'Minstens 5 en hoogstens 500'
		],
		[
			'school',
			`/scholen/${school}?/ronde`,
			{
				version: '1',
				title: 'Ronde met ouders',
				minRespondents: '3',
				companion: 'ouder-scan',
				companionMinRespondents: 'vijf'
			},
			400,
			'Vul een heel getal in.'
		],
		[
			'swv',
			`/swv/${swv}?/uitnodigen`,
			{ email: 'a@example.org', target: String(otherSwvSchool) },
			400,
			'Deze school hoort niet bij dit samenwerkingsverband.'
		],
		[
			'swv',
			`/swv/${swv}?/uitnodigen`,
			{ email: 'a@example.org', target: 'iedereen' },
			400,
			'Kies voor wie de uitnodiging is.'
		],
		// Team size and reminders on a round page.
		[
			'school',
			`/rondes/${round}?/teamgrootte`,
			{ teamSize: '0' },
			400,
			'Vul een heel getal van 1 tot en met 1000 in.'
		],
		[
			'school',
			`/rondes/${round}?/teamgrootte`,
			{ teamSize: '1001' },
			400,
			'Vul een heel getal van 1 tot en met 1000 in.'
		],
		[
			'school',
			`/rondes/${round}?/teamgrootte`,
			{ teamSize: '12,5' },
			400,
			'Vul een heel getal van 1 tot en met 1000 in.'
		],
		[
			'school',
			`/rondes/${round}?/teamgrootte`,
			{},
			400,
			'Vul het aantal uitgenodigden in, of laat het veld leeg.'
		],
		[
			'school',
			`/rondes/${round}?/herinnering`,
			{ kind: 'later' },
			400,
			'Kies een soort herinnering.'
		],
		[
			'school',
			`/rondes/${round}?/herinnering`,
			{ kind: 'closing', daysBefore: '15' },
			400,
			'Vul een aantal dagen van 1 tot en met 14 in.'
		],
		[
			'school',
			`/rondes/${round}?/herinnering`,
			{ kind: 'closing', daysBefore: 'drie' },
			400,
			'Vul een aantal dagen in.'
		],
		[
			'school',
			`/rondes/${round}?/herinnering`,
			{ kind: 'closing', daysBefore: '3' },
			409,
			'De ronde is gesloten: er komt geen sluitingsdatum meer.'
		],
		[
			'school',
			`/rondes/${round}?/herinnering`,
			{ kind: 'minimum' },
			409,
			'verstuurde vragenlijsten is al bereikt.'
		],
		[
			'school',
			`/rondes/${round}?/herinnering-stoppen`,
			{ kind: 'alles' },
			400,
			'Kies een soort herinnering.'
		],
		['swv', `/rondes/${round}?/teamgrootte`, { teamSize: '20' }, 404, 'geen toegang'],
		// The SWV's own offers: a Dutch message per field, only school themes, only its own offers.
		['swv', `/swv/${swv}/aanbod?/aanmaken`, {}, 400, 'Vul een titel in.'],
		[
			'swv',
			`/swv/${swv}/aanbod?/aanmaken`,
			{
				kind: 'dienst',
				title: 'Loket',
				organiser: 'SWV',
				description: 'Een loket voor alle vragen.',
				themes: 'swv-dekkend-aanbod',
				levels: 'verkennen',
				status: 'lopend'
			},
			400,
			"Kies thema's uit de vragenlijsten."
		],
		[
			'swv',
			`/swv/${swv}/aanbod?/aanmaken`,
			{ title: 'Loket', contact: long(301) },
			400,
			'Contact is hoogstens 300 tekens.'
		],
		[
			'swv',
			`/swv/${swv}/aanbod?/zichtbaarheid`,
			{ id: 'demo-vo-lindewaard-loket', hidden: 'ja' },
			404,
			'Dit aanbod bestaat niet.'
		],
		[
			'swv',
			`/swv/${swv}/aanbod?/zichtbaarheid`,
			{ id: 'eigen-uitleg-op3', hidden: 'ja' },
			404,
			'Dit aanbod bestaat niet.'
		],
		[
			'swv',
			`/swv/${swv}/aanbod?/zichtbaarheid`,
			{ id: 'demo-po-lindewaard-expertiseteam', hidden: 'misschien' },
			400,
			'Onbekende keuze.'
		],
		[
			'swv',
			`/swv/${swv}/aanbod/demo-po-lindewaard-expertiseteam?/bewerken`,
			{ title: 'x', url: 'geen-link' },
			400,
			'Vul een volledige link in (https://…).'
		],
		[
			'swv',
			`/swv/${swv}/aanbod/demo-vo-lindewaard-loket?/bewerken`,
			{ title: 'Overgenomen' },
			404,
			'Dit aanbod bestaat niet.'
		],
		[
			'beheer',
			'/beheer/catalogus?/aanmaken',
			{ id: 'nieuw-item', contact: long(301) },
			400,
			'Contact is hoogstens 300 tekens.'
		],
		[
			'beheer',
			'/beheer/swv?/aanmaken',
			{ code: 'XX', name: 'Nieuw SWV' },
			400,
			'Vul een code in zoals PO 27-01 of VO 25-07.'
		],
		[
			'beheer',
			'/beheer/swv?/aanmaken',
			{ code: 'PO 27-99', name: 'Dubbel' },
			409,
			'Er bestaat al een samenwerkingsverband met deze code.'
		],
		[
			'beheer',
			'/beheer/swv?/aanmaken',
			{ code: 'PO 27-98', name: long(201) },
			400,
			'Een naam is hoogstens 200 tekens.'
		],
		[
			'beheer',
			`/beheer/swv/${swv}?/bewerken`,
			{ code: 'VO 27-99', name: 'Botst' },
			409,
			'Er bestaat al een samenwerkingsverband met deze code.'
		],
		['beheer', `/beheer/swv/${swv}?/status`, { active: 'misschien' }, 400, 'Onbekende status.'],
		[
			'beheer',
			`/beheer/swv/${swv}?/school`,
			{ instellingscode: '123', name: 'S', place: 'P', schoolType: 'po' },
			400,
			'Een instellingscode (BRIN) bestaat uit 4 letters of cijfers'
		],
		[
			'beheer',
			`/beheer/swv/${swv}?/school`,
			{
				instellingscode: '12AB',
				vestiging: 'ab',
				name: 'School',
				place: 'Plaats',
				schoolType: 'po'
			},
			400,
			'Een vestigingsnummer bestaat uit 2 cijfers'
		],
		[
			'beheer',
			`/beheer/swv/${swv}?/school`,
			{ instellingscode: '12AB', name: 'School', place: 'Plaats', schoolType: 'mbo' },
			400,
			'Kies een schooltype.'
		],
		[
			'beheer',
			`/beheer/swv/${swv}?/school`,
			{
				instellingscode: '90AA',
				vestiging: '00',
				name: 'School',
				place: 'Plaats',
				schoolType: 'po'
			},
			409,
			'Deze vestiging bestaat al.'
		],
		[
			'beheer',
			`/beheer/swv/${swv}?/uitnodigen`,
			{ email: 'swv@example.org' },
			409,
			'is al coördinator van dit samenwerkingsverband.'
		],
		[
			'beheer',
			`/beheer/scholen/${school}?/bewerken`,
			{
				instellingscode: '90AB',
				vestiging: '00',
				name: 'Een school',
				place: 'Een plaats',
				schoolType: 'po'
			},
			409,
			'Deze vestiging bestaat al.'
		],
		['beheer', `/beheer/scholen/${school}?/status`, { active: '' }, 400, 'Onbekende status.'],
		[
			'beheer',
			'/beheer/accounts?/status',
			{ id: 'geen-id', active: 'false' },
			400,
			'Onbekend account.'
		],
		[
			'beheer',
			'/beheer/accounts?/status',
			{ id: '00000000-0000-4000-8000-000000000000', active: 'false' },
			404,
			'Dit account bestaat niet.'
		],
		[
			'beheer',
			'/beheer/accounts?/opnieuw',
			{ id: '999999' },
			404,
			'Deze uitnodiging bestaat niet (meer).'
		],
		['beheer', '/beheer/accounts?/intrekken', { id: '-3' }, 400, 'Onbekend nummer.'],
		[
			'beheer',
			'/beheer/import?/importeren',
			{},
			400,
			'Kies een CSV-bestand of plak de regels in het tekstvak.'
		],
		[
			'beheer',
			'/beheer/import?/importeren',
			{
				csv: 'instellingscode;naam;plaats;swv;schooltype\n12AB;School;Plaats;PO 27-99;po\n12AC;;Plaats;PO 27-99;po'
			},
			400,
			'Er is niets geïmporteerd: 1 regel heeft een fout.'
		]
	];

	const failures: string[] = [];
	const cookies: Partial<Record<Who, string>> = {};
	for (const [who] of cases) {
		if (who === 'anoniem' || cookies[who]) continue;
		const ctx = await playwright.request.newContext({ baseURL: BASE });
		cookies[who] = `sessie=${await sessionCookie(ctx, `${who}@example.org`)}`;
		await ctx.dispose();
	}
	const request = await playwright.request.newContext({ baseURL: BASE });
	for (const [who, path, form, status, message] of cases) {
		const response = await request.post(path, {
			form,
			headers: { origin: BASE, accept: 'text/html', cookie: cookies[who] ?? '' },
			maxRedirects: 0
		});
		const body = (await response.text()).replace(/&#39;|&quot;/g, (m) =>
			m === '&#39;' ? "'" : '"'
		);
		if (response.status() !== status)
			failures.push(
				`${who} ${path} ${JSON.stringify(form).slice(0, 80)}: ${response.status()} (verwacht ${status})`
			);
		else if (!body.includes(message))
			failures.push(`${who} ${path}: melding "${message}" ontbreekt`);
	}
	await request.dispose();
	expect(failures).toEqual([]);
	expect(counts()).toEqual(before);
	db.close();
});

test('expired, replaced and guessed links give a clear Dutch message', async ({ page }) => {
	const token = (c: string) => c.repeat(32);
	const hash = (t: string) => createHash('sha256').update(t).digest('hex');
	const db = new Database(join(E2E_DATA, 'scan.db'));
	const swv = db.prepare("select id from swv where code = 'PO2799'").pluck().get();
	const user = db.prepare("select id from user where email = 'school@example.org'").pluck().get();
	const past = Date.now() - 1000;
	db.prepare(
		"insert into invitation (token_hash, email, scope, swv_id, expires_at) values (?, 'oud@example.net', 'swv', ?, ?)"
	).run(hash(token('c')), swv, past);
	db.prepare(
		"insert into invitation (token_hash, email, scope, swv_id, expires_at, revoked_at) values (?, 'oud@example.net', 'swv', ?, ?, ?)"
	).run(hash(token('d')), swv, Date.now() + 1e8, past);
	db.prepare('insert into password_reset (token_hash, user_id, expires_at) values (?, ?, ?)').run(
		hash(token('e')),
		user,
		past
	);
	db.close();

	expect((await page.goto(`/uitnodigingen/${token('c')}`))?.status()).toBe(410);
	await expect(
		page.getByText('Deze uitnodiging is verlopen. Vraag degene die u uitnodigde om een nieuwe.')
	).toBeVisible();
	expect((await page.goto(`/uitnodigingen/${token('d')}`))?.status()).toBe(410);
	await expect(page.getByText(/ingetrokken of vervangen door een nieuwere/)).toBeVisible();
	expect((await page.goto(`/uitnodigingen/${token('f')}`))?.status()).toBe(404);
	await expect(page.getByText(/Deze uitnodiging bestaat niet/)).toBeVisible();
	expect((await page.goto('/uitnodigingen/niet-eens-een-token'))?.status()).toBe(404);
	expect((await page.goto(`/wachtwoord-herstellen/${token('e')}`))?.status()).toBe(410);
	await expect(page.getByText(/Deze link is niet \(meer\) geldig/)).toBeVisible();
});
