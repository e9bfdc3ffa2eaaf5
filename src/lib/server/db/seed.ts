import { eq, notInArray, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Db } from './open';
import * as t from './schema';
import { markVersionUsed, type QuestionnaireRegistry } from '../questionnaires/registry';
import { themesFor, visibleItemIds } from '../../domain/questionnaire/model';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import type { SchoolType } from '../../domain/school-type';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { hashToken } from '../auth/session';
import { generateShareToken } from '../auth/tokens';

/**
 * The demo: a PO samenwerkingsverband with 12 schools (po, sbo, so), a VO one with four
 * (vo, vso), an account for each role and, for every school, two finished rounds with generated
 * answers (and one school whose latest round has too few respondents), plus the SWV's own scan.
 * Idempotent; refuses to touch a database that holds anything else unless forced, and even then
 * refuses a database with real accounts unless `adminPassword` is given: the demo admin with the
 * public password would otherwise be an admin of real data. With `adminPassword` the demo admin
 * gets that password instead.
 */

export const DEMO_PASSWORD = 'demo-wachtwoord';
export const DEMO_ACCOUNTS = [
	{ email: 'beheer@example.org', name: 'Bea Beheer', role: 'beheerder' },
	{ email: 'swv@example.org', name: 'Sam Verbeek', role: 'coördinator SWV PO 27-99' },
	{ email: 'swv-vo@example.org', name: 'Vera Oosting', role: 'coördinator SWV VO 27-99' },
	{ email: 'school@example.org', name: 'Ilse de Boer', role: 'coördinator OBS De Regenboog' },
	{ email: 'school-b@example.org', name: 'Kees Jansen', role: 'coördinator CBS Het Kompas' }
] as const;

const SWVS = [
	{
		code: 'PO2799',
		name: 'Samenwerkingsverband Passend Onderwijs Lindewaard (demo)',
		sector: 'po'
	},
	{ code: 'VO2799', name: 'Samenwerkingsverband VO Lindewaard (demo)', sector: 'vo' }
] as const;

const SCHOOLS: { swv: string; code: string; name: string; place: string; type: SchoolType }[] = [
	{ swv: 'PO2799', code: '90AA', name: 'OBS De Regenboog', place: 'Lindewaard', type: 'po' },
	{ swv: 'PO2799', code: '90AB', name: 'CBS Het Kompas', place: 'Lindewaard', type: 'po' },
	{ swv: 'PO2799', code: '90AC', name: 'IKC De Vlieger', place: 'Oosterbroek', type: 'po' },
	{
		swv: 'PO2799',
		code: '90AD',
		name: 'Basisschool De Wilgenhoek',
		place: 'Oosterbroek',
		type: 'po'
	},
	{
		swv: 'PO2799',
		code: '90AE',
		name: 'RKBS Sint-Jozef',
		place: 'Veldhoven aan de Linde',
		type: 'po'
	},
	{ swv: 'PO2799', code: '90AF', name: 'OBS Het Palet', place: 'Westerdijk', type: 'po' },
	{
		swv: 'PO2799',
		code: '90AG',
		name: 'Daltonschool De Sterrenwacht',
		place: 'Lindewaard',
		type: 'po'
	},
	{
		swv: 'PO2799',
		code: '90AH',
		name: 'Jenaplanschool Het Klavertje',
		place: 'Westerdijk',
		type: 'po'
	},
	{ swv: 'PO2799', code: '90AJ', name: 'CBS De Ark', place: 'Noordeinde', type: 'po' },
	{ swv: 'PO2799', code: '90AK', name: 'SBO De Brug', place: 'Lindewaard', type: 'sbo' },
	{ swv: 'PO2799', code: '90AL', name: 'SBO Het Baken', place: 'Oosterbroek', type: 'sbo' },
	{ swv: 'PO2799', code: '90AM', name: 'SO De Kiem', place: 'Lindewaard', type: 'so' },
	{ swv: 'VO2799', code: '91BA', name: 'Lindewaard College', place: 'Lindewaard', type: 'vo' },
	{
		swv: 'VO2799',
		code: '91BB',
		name: 'Scholengemeenschap De Dijk',
		place: 'Westerdijk',
		type: 'vo'
	},
	{
		swv: 'VO2799',
		code: '91BC',
		name: 'Praktijkschool Oosterbroek',
		place: 'Oosterbroek',
		type: 'vo'
	},
	{ swv: 'VO2799', code: '91BD', name: 'VSO De Horizon', place: 'Lindewaard', type: 'vso' }
];

/** A small deterministic generator, so the demo looks the same on every machine. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let x = Math.imul(s ^ (s >>> 15), 1 | s);
		x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}

function token(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export class SeedRefused extends Error {}

const MIN_ADMIN_PASSWORD = 12;

export interface SeedResult {
	created: boolean;
	rounds: number;
	answers: number;
}

export async function seedDemo(
	db: Db,
	registry: QuestionnaireRegistry,
	{ force = false, adminPassword }: { force?: boolean; adminPassword?: string } = {}
): Promise<SeedResult> {
	const demoCodes = SWVS.map((s) => s.code);
	const demoEmails = DEMO_ACCOUNTS.map((a) => a.email);
	const foreignUsers = db
		.select({ n: sql<number>`count(*)` })
		.from(t.user)
		.where(notInArray(t.user.email, demoEmails))
		.get()!.n;
	const foreign =
		db
			.select({ n: sql<number>`count(*)` })
			.from(t.swv)
			.where(notInArray(t.swv.code, demoCodes))
			.get()!.n + foreignUsers;
	if (foreign > 0 && !force) {
		throw new SeedRefused(
			'Deze database bevat al gegevens die niet van de demo zijn; de demo wordt niet toegevoegd. Gebruik --force om het toch te doen.'
		);
	}
	if (foreignUsers > 0 && !adminPassword) {
		throw new SeedRefused(
			`Deze database heeft ${foreignUsers} echte account(s): een demo-beheerder met het openbare wachtwoord wordt niet toegevoegd. Geef beheer@example.org een eigen wachtwoord met SEED_ADMIN_PASSWORD (minstens ${MIN_ADMIN_PASSWORD} tekens).`
		);
	}
	if (adminPassword !== undefined && adminPassword.length < MIN_ADMIN_PASSWORD) {
		throw new SeedRefused(
			`Het wachtwoord voor beheer@example.org moet minstens ${MIN_ADMIN_PASSWORD} tekens hebben.`
		);
	}
	if (db.select().from(t.swv).where(eq(t.swv.code, 'PO2799')).get()) {
		return { created: false, rounds: 0, answers: 0 };
	}

	const school = registry.latest('school-scan');
	const swvScan = registry.latest('swv-scan');
	// Parents beside the team (when the app has that questionnaire): a few finished rounds.
	const parents = registry.latest('ouder-scan');
	if (!school || !swvScan) throw new Error('De vragenlijsten school-scan en swv-scan ontbreken.');
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const adminHash = adminPassword ? await hashPassword(adminPassword) : passwordHash;
	const rand = random(2799);
	let rounds = 0;
	let answers = 0;

	db.transaction((tx) => {
		const swvIds = new Map<string, number>();
		for (const s of SWVS) {
			swvIds.set(s.code, tx.insert(t.swv).values(s).returning({ id: t.swv.id }).get().id);
		}
		const schoolIds = new Map<string, number>();
		for (const s of SCHOOLS) {
			const row = tx
				.insert(t.school)
				.values({
					swvId: swvIds.get(s.swv)!,
					instellingscode: s.code,
					vestiging: '00',
					name: s.name,
					place: s.place,
					schoolType: s.type
				})
				.returning({ id: t.school.id })
				.get();
			schoolIds.set(s.code, row.id);
		}
		const userIds = new Map<string, string>();
		for (const a of DEMO_ACCOUNTS) {
			const id = crypto.randomUUID();
			userIds.set(a.email, id);
			tx.insert(t.user)
				.values({
					id,
					email: a.email,
					name: a.name,
					passwordHash: a.email === 'beheer@example.org' ? adminHash : passwordHash,
					isAdmin: a.email === 'beheer@example.org'
				})
				.run();
		}
		// Each demo SWV has an offer of its own: its schools see it first, no other SWV's school does.
		tx.insert(t.catalogItem)
			.values([
				{
					id: 'demo-po-lindewaard-expertiseteam',
					kind: 'dienst',
					title: 'Expertiseteam Lindewaard: meekijken in de klas',
					organiser: 'Samenwerkingsverband Passend Onderwijs Lindewaard (demo)',
					description:
						'Een leraar of intern begeleider die vastloopt met een leerling vraagt het expertiseteam om mee te kijken in de klas; binnen twee weken komt een orthopedagoog of ambulant begeleider langs en bespreekt met de leraar wat helpt. (Verzonnen aanbod van het demo-samenwerkingsverband.)',
					themes: ['handelen-leraren', 'ondersteuningsstructuur'],
					audience: ['po', 'sbo', 'leraar', 'ib'],
					levels: ['verkennen', 'ontwikkelen', 'functioneren'],
					dateText: 'doorlopend, op aanvraag',
					status: 'lopend',
					contact: 'expertiseteam@lindewaard.example',
					swvId: swvIds.get('PO2799')!
				},
				{
					id: 'demo-vo-lindewaard-loket',
					kind: 'dienst',
					title: 'Loket VO Lindewaard: advies over handelingsverlegenheid',
					organiser: 'Samenwerkingsverband VO Lindewaard (demo)',
					description:
						'Mentoren en ondersteuningscoördinatoren van de vo-scholen bellen het loket voor advies over een leerling. (Verzonnen aanbod van het demo-samenwerkingsverband.)',
					themes: ['handelen-leraren'],
					audience: ['leraar'],
					levels: ['verkennen', 'ontwikkelen', 'functioneren'],
					dateText: 'doorlopend',
					status: 'lopend',
					swvId: swvIds.get('VO2799')!
				}
			])
			.run();
		tx.insert(t.membership)
			.values([
				{ userId: userIds.get('swv@example.org')!, scope: 'swv', swvId: swvIds.get('PO2799')! },
				{ userId: userIds.get('swv-vo@example.org')!, scope: 'swv', swvId: swvIds.get('VO2799')! },
				{
					userId: userIds.get('school@example.org')!,
					scope: 'school',
					schoolId: schoolIds.get('90AA')!
				},
				{
					userId: userIds.get('school-b@example.org')!,
					scope: 'school',
					schoolId: schoolIds.get('90AB')!
				}
			])
			.run();

		const addRound = (opts: {
			q: Questionnaire;
			scope: 'school' | 'swv';
			swvId: number;
			schoolId: number | null;
			context: SchoolType | 'swv';
			title: string;
			opened: string;
			closed: string;
			respondents: number;
			/** Per theme, how ready the school is on a 1–4 scale. */
			readiness: (themeIndex: number) => number;
			/** A companion round (parents) of this team round, with its own minimum. */
			companionOf?: number;
			minRespondents?: number;
			/** Open comments: per respondent index, theme id and text. */
			comments?: { respondent: number; themeId: string; text: string }[];
		}) => {
			const roundId = tx
				.insert(t.round)
				.values({
					scope: opts.scope,
					swvId: opts.swvId,
					schoolId: opts.schoolId,
					questionnaireId: opts.q.id,
					questionnaireVersion: opts.q.version,
					title: opts.title,
					opensAt: new Date(opts.opened),
					closesAt: new Date(opts.closed),
					status: 'closed',
					closedAt: new Date(opts.closed),
					shareToken: generateShareToken(),
					releasedAt: new Date(opts.closed),
					everReleased: true,
					openedBySwv: opts.scope === 'swv',
					companionOfRoundId: opts.companionOf ?? null,
					minRespondents: opts.minRespondents ?? 3
				})
				.returning({ id: t.round.id })
				.get().id;
			rounds++;
			const groups = (opts.q.respondentGroups ?? []).map((g) => g.id);
			const themes = themesFor(opts.q, opts.context);
			for (let r = 0; r < opts.respondents; r++) {
				const group = r === 0 ? (groups[2] ?? groups[0]) : r % 5 === 1 ? groups[1] : groups[0];
				const values: Record<string, number> = {};
				themes.forEach(({ items }, ti) => {
					const centre = opts.readiness(ti) + (rand() - 0.5) * 0.8;
					for (const item of items) {
						if (rand() < 0.07) values[item.id] = 0;
						else
							values[item.id] = Math.min(4, Math.max(1, Math.round(centre + (rand() - 0.5) * 1.6)));
					}
				});
				const visible = visibleItemIds(opts.q, opts.context, values);
				const responseId = tx
					.insert(t.response)
					.values({
						roundId,
						tokenHash: hashToken(token()),
						resumeHash: hashToken(token()),
						respondentGroup: group ?? null,
						startedAt: new Date(opts.opened),
						updatedAt: new Date(opts.closed),
						submittedAt: new Date(opts.closed)
					})
					.returning({ id: t.response.id })
					.get().id;
				const rows = Object.entries(values)
					.filter(([itemId]) => visible.has(itemId))
					.map(([itemId, value]) => ({ responseId, itemId, value }));
				tx.insert(t.answer).values(rows).run();
				answers += rows.length;
				for (const c of opts.comments ?? [])
					if (c.respondent === r)
						tx.insert(t.themeComment)
							.values({ responseId, themeId: c.themeId, text: c.text })
							.run();
			}
			return roundId;
		};

		SCHOOLS.forEach((s, si) => {
			const base = 1.6 + ((si * 7) % 11) * 0.17;
			const readiness = (growth: number) => (ti: number) =>
				Math.min(3.9, base + growth + Math.sin(si * 3 + ti * 1.7) * 0.6);
			const common = {
				q: school,
				scope: 'school' as const,
				swvId: swvIds.get(s.swv)!,
				schoolId: schoolIds.get(s.code)!,
				context: s.type
			};
			const earlier = addRound({
				...common,
				title: 'Scan najaar 2025',
				opened: '2025-10-27T08:00:00Z',
				closed: '2025-11-21T16:00:00Z',
				respondents: 6 + ((si * 5) % 11),
				readiness: readiness(0)
			});
			const latest = addRound({
				...common,
				title: 'Scan najaar 2026',
				opened: '2026-10-26T08:00:00Z',
				closed: '2026-11-13T16:00:00Z',
				// One school shows what "te weinig respondenten" looks like.
				respondents: s.code === '90AF' ? 2 : 7 + ((si * 3) % 12),
				readiness: readiness(0.35)
			});
			// Parents beside this year's round at three schools: two above their minimum (5), one
			// below it, so the side-by-side view and its "nog geen uitkomsten" both show at once.
			const parentsSent = { '90AA': 14, '90AB': 9, '90AC': 3 }[s.code];
			if (parents && parentsSent !== undefined)
				addRound({
					...common,
					q: parents,
					title: 'Scan najaar 2026 — Ouders',
					opened: '2026-10-26T08:00:00Z',
					closed: '2026-11-13T16:00:00Z',
					respondents: parentsSent,
					// Parents see the school a little differently: lower on some themes, higher on others.
					readiness: (ti) =>
						Math.min(3.9, Math.max(1.2, base + 0.35 + Math.cos(si + ti * 2.1) * 0.7)),
					companionOf: latest,
					minRespondents: 5,
					comments: [
						{
							respondent: 1,
							themeId: 'positie-ouders',
							text: 'Ik hoor vaak pas laat dat het niet goed gaat met mijn kind.'
						},
						{
							respondent: 4,
							themeId: 'positie-ouders',
							text: 'De juf belt altijd terug als ik iets vraag.'
						}
					]
				});
			// The action plan made after last year's round, and the start of this year's.
			tx.insert(t.actionItem)
				.values([
					{
						roundId: earlier,
						themeId: 'positie-ouders',
						action: 'Ouderavond over het ontwikkelingsperspectief',
						owner: 'intern begeleider',
						dueOn: '2026-03-12',
						status: 'done'
					},
					{
						roundId: earlier,
						themeId: 'handelen-leraren',
						action: 'Collegiale consultatie bij handelingsverlegenheid',
						owner: 'directie',
						dueOn: '2026-06-30',
						status: 'doing'
					},
					{
						roundId: latest,
						themeId: 'maatwerk-en-thuiszitten',
						action: 'Werkwijze bij dreigende uitval vastleggen met leerplicht',
						owner: 'intern begeleider',
						dueOn: '2027-02-01',
						status: 'planned'
					}
				])
				.run();
		});
		for (const s of SWVS) {
			addRound({
				q: swvScan,
				scope: 'swv',
				swvId: swvIds.get(s.code)!,
				schoolId: null,
				context: 'swv',
				title: 'SWV-scan 2026',
				opened: '2026-09-14T08:00:00Z',
				closed: '2026-10-02T16:00:00Z',
				respondents: 7,
				readiness: (ti) => 2.2 + Math.cos(ti * 1.3) * 0.7
			});
			// The SWV's norm: its basisondersteuning expects "functionerend", thuiszitten "in ontwikkeling".
			tx.insert(t.swvNorm)
				.values(
					school.themes.map((th) => ({
						swvId: swvIds.get(s.code)!,
						themeId: th.id,
						levelId: th.id === 'maatwerk-en-thuiszitten' ? 'ontwikkelen' : 'functioneren'
					}))
				)
				.run();
		}
	});
	markVersionUsed(db, registry, school.id, school.version);
	markVersionUsed(db, registry, swvScan.id, swvScan.version);
	if (parents) markVersionUsed(db, registry, parents.id, parents.version);
	return { created: true, rounds, answers };
}
