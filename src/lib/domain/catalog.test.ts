import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	COVERAGE_MINIMUM,
	catalogFileSchema,
	catalogItemSchema,
	coverage,
	isCurrent,
	recommend,
	timingOf,
	type CatalogItem
} from './catalog';
import { SCHOOL_TYPES } from './school-type';
import type { ThemeScore } from './scoring';

const item = ({ swv, ...over }: Partial<CatalogItem> & Pick<CatalogItem, 'id'>): CatalogItem => ({
	...catalogItemSchema.parse({
		kind: 'instrument',
		title: over.id,
		organiser: 'Steunpunt',
		description: 'Een beschrijving van het aanbod.',
		themes: ['visie'],
		levels: ['verkennen', 'ontwikkelen'],
		status: 'onbekend',
		...over
	}),
	...(swv ? { swv } : {})
});

const theme = (themeId: string, score: number | null, level: string | null): ThemeScore => ({
	themeId,
	title: themeId,
	score,
	level: level ? { id: level, name: level, verdict: 'risico' } : null,
	n: 10,
	dontKnowShare: 0,
	spread: 0,
	signals: { insufficientInsight: false, divergentViews: false },
	items: []
});

const TODAY = '2026-11-23';

describe('timing', () => {
	// kind, status, startsOn, endsOn, url, recording → timing
	const cases: [
		CatalogItem['kind'],
		CatalogItem['status'],
		string | undefined,
		string | undefined,
		string | undefined,
		boolean,
		string
	][] = [
		// A past webinar without a recording is history, whatever its status says.
		['webinar', 'historisch', '2021-01-28', undefined, undefined, false, 'geschiedenis'],
		['webinar', 'lopend', '2021-01-28', undefined, undefined, false, 'geschiedenis'],
		// A link alone (an announcement) is not a recording; a linked recording is.
		[
			'bijeenkomst',
			'historisch',
			undefined,
			undefined,
			'https://example.org/x',
			false,
			'geschiedenis'
		],
		[
			'conferentie',
			'historisch',
			'2020-11-27',
			undefined,
			'https://example.org/x',
			true,
			'terugkijken'
		],
		['bijeenkomst', 'onbekend', '2027-02-01', undefined, undefined, false, 'aankomend'],
		['conferentie', 'historisch', '2026-11-23', undefined, undefined, false, 'aankomend'],
		['leergemeenschap', 'lopend', '2024-01-01', '2027-06-30', undefined, false, 'lopend'],
		['leergemeenschap', 'lopend', '2024-01-01', '2025-06-30', undefined, false, 'geschiedenis'],
		['regeling', 'lopend', '2024-05-10', undefined, undefined, false, 'lopend'],
		[
			'regeling',
			'historisch',
			'2018-03-14',
			undefined,
			'https://example.org/x',
			false,
			'geschiedenis'
		],
		// A publication's link is the publication: it can be read back.
		[
			'publicatie',
			'historisch',
			'2020-11-27',
			undefined,
			'https://example.org/x',
			false,
			'terugkijken'
		],
		['publicatie', 'historisch', '2020-11-27', undefined, undefined, false, 'geschiedenis'],
		['praktijkvoorbeeld', 'onbekend', undefined, undefined, undefined, false, 'inspiratie'],
		['werkvorm', 'lopend', undefined, undefined, undefined, false, 'lopend']
	];
	it.each(cases)(
		'%s, %s, %s–%s, link %s, recording %s: %s',
		(kind, status, startsOn, endsOn, url, recording, expected) => {
			expect(
				timingOf(item({ id: 'een-aanbod', kind, status, startsOn, endsOn, url, recording }), TODAY)
			).toBe(expected);
		}
	);
});

/** The worked cases below: what a school at that theme and level is shown, in order. */
const WORKED = {
	// Three of the app's own: a consultation format, a team talk, and what OP3 and help from outside mean.
	demo: [
		['eigen-collegiale-consultatie', 'lopend'],
		['eigen-teamgesprek-ondersteuningsbehoeften', 'lopend'],
		['eigen-uitleg-op3', 'lopend']
	],
	visie: [
		['eigen-checklist-sop', 'lopend'],
		['eigen-teamgesprek-visie', 'lopend'],
		['eigen-uitleg-zorgplicht', 'lopend'],
		['spo-video-wat-is-passend-onderwijs', 'inspiratie']
	],
	so: ['eigen-checklist-specialistisch-aanbod', 'eigen-vragen-swv-ondersteuning'],
	// The handreiking names vo, so it comes before the general items.
	maatwerk: [
		['spo-handreiking-afwijking-onderwijstijd', 'lopend'],
		['spo-handreiking-onderwijs-en-zorg', 'lopend'],
		['eigen-casus-dreigende-uitval', 'lopend'],
		['onderwijszorgconsulenten', 'lopend']
	],
	swv: [
		['eigen-swv-uitleg-maatwerk', 'lopend'],
		['eigen-swv-thuiszittersoverleg', 'lopend'],
		['onderwijszorgconsulenten', 'lopend'],
		['advies-de-kracht-om-door-te-zetten-2019', 'terugkijken']
	]
};

describe('recommendations', () => {
	const catalog = [
		item({ id: 'oud-webinar', kind: 'webinar', status: 'historisch', startsOn: '2021-01-28' }),
		item({ id: 'lopende-regeling', kind: 'regeling', status: 'lopend' }),
		item({ id: 'alleen-vo', audience: ['vo', 'leraar'] }),
		item({ id: 'voor-iedereen', audience: ['leraar'] }),
		item({ id: 'verborgen', hidden: true }),
		item({ id: 'voor-gevorderden', levels: ['functioneren'] }),
		item({ id: 'ander-thema', themes: ['ouders'] }),
		item({
			id: 'ouders-aankomend',
			themes: ['ouders'],
			kind: 'bijeenkomst',
			startsOn: '2027-01-15'
		})
	];

	it('picks the weakest themes, with items that fit theme, school type and level, current first', () => {
		const r = recommend(
			catalog,
			[
				theme('visie', 20, 'verkennen'),
				theme('ouders', 40, 'ontwikkelen'),
				theme('leerling', 90, 'borgen'),
				theme('zorg', null, null)
			],
			'po',
			'borgen',
			TODAY
		);
		expect(
			r.themes.map((t) => [t.themeId, t.reason, t.items.map((i) => [i.item.id, i.timing])])
		).toEqual([
			[
				'visie',
				'omdat visie nog in de verkenningsfase is (verkennen)',
				[
					// The regulation runs, but is no first tip; the past webinar is history.
					['voor-iedereen', 'inspiratie'],
					['lopende-regeling', 'lopend'],
					['oud-webinar', 'geschiedenis']
				]
			],
			[
				'ouders',
				'omdat ouders in ontwikkeling is',
				[
					['ouders-aankomend', 'aankomend'],
					['ander-thema', 'inspiratie']
				]
			]
		]);
		// The highest level invites the school to share its own practice.
		expect(r.share).toEqual([{ themeId: 'leerling', title: 'leerling' }]);
	});

	it('gives a vo school the vo item first, and caps the number of themes and items', () => {
		const r = recommend(
			catalog,
			[theme('visie', 10, 'verkennen'), theme('ouders', 30, 'ontwikkelen')],
			'vo',
			'borgen',
			TODAY,
			{ themeCount: 1, perTheme: 2 }
		);
		expect(r.themes.map((t) => [t.themeId, t.items.map((i) => [i.item.id, i.why])])).toEqual([
			[
				'visie',
				[
					['alleen-vo', ['bedoeld voor het voortgezet onderwijs']],
					['voor-iedereen', []]
				]
			]
		]);
	});

	it("puts the school's own SWV's offers first, marked, and never shows another SWV's", () => {
		const own = item({
			id: 'eigen-expertiseteam',
			kind: 'dienst',
			status: 'lopend',
			levels: ['verkennen'],
			swv: { id: 7, name: 'SWV Lindewaard' }
		});
		const other = item({ id: 'ander-swv', status: 'lopend', swv: { id: 8, name: 'SWV Elders' } });
		const r = recommend(
			[...catalog, own, other],
			[theme('visie', 10, 'verkennen')],
			'po',
			'borgen',
			TODAY,
			{ swvId: 7 }
		);
		const items = r.themes[0]!.items;
		expect(items.map((i) => i.item.id)).toEqual([
			'eigen-expertiseteam',
			'voor-iedereen',
			'lopende-regeling',
			'oud-webinar'
		]);
		expect(items[0]!.why).toEqual(['juist voor het niveau verkennen']);
		// Without the SWV's id, no SWV's own offer shows at all.
		const none = recommend([own, other], [theme('visie', 10, 'verkennen')], 'po', 'borgen', TODAY);
		expect(none.themes[0]!.items).toEqual([]);
	});
});

const committed = catalogFileSchema.parse(
	JSON.parse(readFileSync('questionnaires/catalogus.json', 'utf8'))
).items;
const scans = ['school-scan', 'swv-scan'].map(
	(id) =>
		JSON.parse(readFileSync(`questionnaires/${id}/v1.json`, 'utf8')) as {
			audience: string;
			themes: { id: string; title: string }[];
			levels: { id: string; name: string }[];
		}
);
const titleOf = (themeId: string) =>
	scans.flatMap((s) => s.themes).find((t) => t.id === themeId)!.title;
const levelName = (levelId: string) => scans[0]!.levels.find((l) => l.id === levelId)!.name;
const scoreOf = (themeId: string, score: number, level: string): ThemeScore => ({
	...theme(themeId, score, level),
	title: titleOf(themeId),
	level: { id: level, name: levelName(level), verdict: 'risico' }
});

describe('worked cases against the committed catalogue', () => {
	const ids = (
		context: Parameters<typeof recommend>[2],
		themeId: string,
		score: number,
		level: string
	) => {
		const r = recommend(committed, [scoreOf(themeId, score, level)], context, 'borgen', TODAY);
		return r.themes[0]!;
	};

	it('the demo school (po), weakest at Bekwaamheden en handelen van leraren (13, Verkennen)', () => {
		const t = ids('po', 'handelen-leraren', 13, 'verkennen');
		expect(t.reason).toBe(
			'omdat Bekwaamheden en handelen van leraren nog in de verkenningsfase is (Verkennen)'
		);
		expect(t.items.map((i) => [i.item.id, i.timing])).toEqual(WORKED.demo);
	});

	it('Visie en beleid at a basisschool: no regulation as the first tip', () => {
		const t = ids('po', 'visie-en-beleid', 40, 'ontwikkelen');
		expect(t.reason).toBe('omdat Visie en beleid in ontwikkeling is');
		expect(t.items.map((i) => [i.item.id, i.timing])).toEqual(WORKED.visie);
	});

	it('a so school at Functionerend on the support structure gets the so/vso checklist, not the one on basisondersteuning', () => {
		const t = ids('so', 'ondersteuningsstructuur', 60, 'functioneren');
		expect(t.items.map((i) => i.item.id)).toEqual(WORKED.so);
	});

	it('a vo school at Verkennen on maatwerk and thuiszitten', () => {
		const t = ids('vo', 'maatwerk-en-thuiszitten', 20, 'verkennen');
		expect(t.items.map((i) => [i.item.id, i.timing])).toEqual(WORKED.maatwerk);
	});

	it('an SWV at In ontwikkeling on its thuiszitters and maatwerk', () => {
		const t = ids('swv', 'swv-thuiszitters-en-maatwerk', 30, 'ontwikkelen');
		expect(t.items.map((i) => [i.item.id, i.timing])).toEqual(WORKED.swv);
	});

	it('never gives a regulation or history as the first tip, in any theme, level or school type', () => {
		for (const scan of scans)
			for (const th of scan.themes)
				for (const level of ['verkennen', 'ontwikkelen', 'functioneren'])
					for (const context of scan.audience === 'swv' ? (['swv'] as const) : SCHOOL_TYPES) {
						const first = ids(context, th.id, 30, level).items[0];
						expect(first, `${th.id} ${level} ${context}`).toBeDefined();
						expect(first!.item.kind, `${th.id} ${level} ${context}`).not.toBe('regeling');
						expect(first!.timing, `${th.id} ${level} ${context}`).toMatch(/^(lopend|aankomend)$/);
					}
	});
});

describe('the committed catalogue', () => {
	it('is valid, with unique ids and themes and levels that the questionnaires know', () => {
		expect(committed.length).toBeGreaterThanOrEqual(60);
		expect(new Set(committed.map((i) => i.id)).size).toBe(committed.length);
		const themes = new Set(scans.flatMap((s) => s.themes.map((t) => t.id)));
		expect(committed.flatMap((i) => i.themes).filter((t) => !themes.has(t))).toEqual([]);
		const levels = new Set(scans[0]!.levels.map((l) => l.id));
		expect(committed.flatMap((i) => i.levels).filter((l) => !levels.has(l))).toEqual([]);
	});

	it('has at least two current items for every theme × level below Geborgd × school type', () => {
		const cells = coverage(
			committed,
			scans.map((s) => ({
				contexts: s.audience === 'swv' ? ['swv'] : SCHOOL_TYPES,
				themes: s.themes.map((t) => t.id),
				levels: s.levels.map((l) => l.id).filter((l) => l !== 'borgen')
			})),
			TODAY
		);
		expect(cells).toHaveLength(9 * 3 * 5 + 7 * 3);
		expect(
			cells
				.filter((c) => c.current < COVERAGE_MINIMUM)
				.map((c) => `${c.themeId} × ${c.levelId} × ${c.context}: ${c.current}`)
		).toEqual([]);
	});

	it('shows every item with its date or period and its organiser, in text written for a school team', () => {
		for (const i of committed) {
			expect(i.dateText.length, i.id).toBeGreaterThan(3);
			expect(i.organiser.length, i.id).toBeGreaterThan(3);
			const text = `${i.title} ${i.organiser} ${i.description} ${i.dateText}`;
			// Working notes of the research never reach users.
			expect(text, i.id).not.toMatch(/\bgok\b|opsomming|\bseed\b|niet genoemd|zie apart item/i);
		}
	});

	it('never invites to sign up for something that is over', () => {
		for (const i of committed.filter((i) => !isCurrent(i, TODAY)))
			expect(`${i.description} ${i.dateText}`, i.id).not.toMatch(
				/aanmelden|meld (u|je) aan|schrijf (u|je) in/i
			);
	});

	it('has the cancelled 2020 ontwikkelgroep hidden and the experimenteerregeling as history', () => {
		const byId = new Map(committed.map((i) => [i.id, i]));
		expect(byId.get('spo-ontwikkelgroep-thuiszitten-2020')!.hidden).toBe(true);
		expect(timingOf(byId.get('ocw-experiment-samenwerking-regulier-speciaal')!, TODAY)).toBe(
			'geschiedenis'
		);
		// No item offers a recording it does not link.
		for (const i of committed.filter((i) => timingOf(i, TODAY) === 'terugkijken'))
			expect(i.url, i.id).toMatch(/^https:/);
	});
});
