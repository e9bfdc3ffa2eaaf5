import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	catalogFileSchema,
	catalogItemSchema,
	recommend,
	timingOf,
	type CatalogItem
} from './catalog';
import type { ThemeScore } from './scoring';

const item = (over: Partial<CatalogItem> & Pick<CatalogItem, 'id'>): CatalogItem =>
	catalogItemSchema.parse({
		kind: 'instrument',
		title: over.id,
		organiser: 'Steunpunt',
		description: 'Een beschrijving van het aanbod.',
		themes: ['visie'],
		levels: ['verkennen', 'ontwikkelen'],
		status: 'onbekend',
		...over
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
	// kind, status, startsOn, endsOn → timing
	const cases: [
		CatalogItem['kind'],
		CatalogItem['status'],
		string | undefined,
		string | undefined,
		string
	][] = [
		['webinar', 'historisch', '2021-01-28', undefined, 'terugkijken'],
		['webinar', 'lopend', '2021-01-28', undefined, 'terugkijken'],
		['bijeenkomst', 'onbekend', '2027-02-01', undefined, 'aankomend'],
		['conferentie', 'historisch', '2026-11-23', undefined, 'aankomend'],
		['leergemeenschap', 'lopend', '2024-01-01', '2027-06-30', 'lopend'],
		['regeling', 'lopend', '2024-05-10', undefined, 'lopend'],
		['publicatie', 'historisch', '2020-11-27', undefined, 'inspiratie'],
		['praktijkvoorbeeld', 'onbekend', undefined, undefined, 'inspiratie']
	];
	it.each(cases)('%s, %s, %s–%s: %s', (kind, status, startsOn, endsOn, expected) => {
		expect(timingOf(item({ id: 'een-aanbod', kind, status, startsOn, endsOn }), TODAY)).toBe(
			expected
		);
	});
});

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
		expect(r.themes.map((t) => [t.themeId, t.items.map((i) => [i.item.id, i.timing])])).toEqual([
			[
				'visie',
				[
					['lopende-regeling', 'lopend'],
					['voor-iedereen', 'inspiratie'],
					['oud-webinar', 'terugkijken']
				]
			],
			[
				'ouders',
				[
					['ouders-aankomend', 'aankomend'],
					['ander-thema', 'inspiratie']
				]
			]
		]);
		// The highest level invites the school to share its own practice.
		expect(r.share).toEqual([{ themeId: 'leerling', title: 'leerling' }]);
	});

	it('gives a vo school the vo-only item, and caps the number of themes and items', () => {
		const r = recommend(
			catalog,
			[theme('visie', 10, 'verkennen'), theme('ouders', 30, 'ontwikkelen')],
			'vo',
			'borgen',
			TODAY,
			{
				themeCount: 1,
				perTheme: 2
			}
		);
		expect(r.themes.map((t) => [t.themeId, t.items.map((i) => i.item.id)])).toEqual([
			['visie', ['lopende-regeling', 'alleen-vo']]
		]);
	});
});

describe('the committed catalogue', () => {
	it('is valid, with unique ids and themes that the questionnaires know', () => {
		const file = catalogFileSchema.parse(
			JSON.parse(readFileSync('questionnaires/catalogus.json', 'utf8'))
		);
		expect(file.items.length).toBeGreaterThanOrEqual(30);
		expect(new Set(file.items.map((i) => i.id)).size).toBe(file.items.length);
		const themes = new Set(
			['school-scan', 'swv-scan'].flatMap((id) =>
				(
					JSON.parse(readFileSync(`questionnaires/${id}/v1.json`, 'utf8')) as {
						themes: { id: string }[];
					}
				).themes.map((t) => t.id)
			)
		);
		expect(file.items.flatMap((i) => i.themes).filter((t) => !themes.has(t))).toEqual([]);
	});
});
