import { describe, expect, it } from 'vitest';
import { MIN_BENCHMARK_UNITS } from '../aggregate';
import type { Level } from '../questionnaire/schema';
import { toCsv, themeTable } from './export';
import { sectorBenchmark } from './benchmark';
import { swvOverview, type LatestResult, type SchoolInput } from './overview';
import { readiness } from './readiness';
import { schoolYear } from './school-year';
import { startStatus } from './start-status';
import { swvTrend, trendLines } from './trend';

const levels: Level[] = [
	{ id: 'verkennen', name: 'Verkennen', from: 0, to: 25, verdict: 'risico', description: '' },
	{
		id: 'ontwikkelen',
		name: 'In ontwikkeling',
		from: 25,
		to: 50,
		verdict: 'aandachtspunt',
		description: ''
	},
	{
		id: 'functioneren',
		name: 'Functionerend',
		from: 50,
		to: 75,
		verdict: 'gaat-goed',
		description: ''
	},
	{ id: 'borgen', name: 'Geborgd', from: 75, to: 100, verdict: 'gaat-goed', description: '' }
];
const themes = [
	{ id: 'a', title: 'Thema A' },
	{ id: 'b', title: 'Thema B' }
];
const date = new Date('2026-11-01T12:00:00Z');
const scores = (a: number | null, b: number | null): LatestResult => ({
	kind: 'scores',
	roundId: 1,
	roundTitle: 'Najaar',
	date,
	questionnaireVersion: 1,
	respondents: 8,
	themes: { a, b },
	note: null
});
let nextId = 1;
const school = (
	name: string,
	latest: LatestResult,
	extra: Partial<SchoolInput> = {}
): SchoolInput => ({
	id: nextId++,
	name,
	place: 'Lindewaard',
	code: '90AA00',
	schoolType: 'po',
	rounds: latest.kind === 'geen' ? 0 : 1,
	lastRespondents: 8,
	lastRoundAt: date,
	open: false,
	latest,
	...extra
});

describe('swvOverview', () => {
	const schools = [
		school('Zon', scores(80, 20)),
		school('Maan', scores(40, null)),
		school('Ster', scores(60, 55), { schoolType: 'sbo' }),
		school('Komeet', { kind: 'te-weinig', roundTitle: 'Najaar', date, respondents: 2 }),
		school('Planeet', { kind: 'niet-gedeeld', roundTitle: 'Najaar', date, respondents: 9 }),
		school('Nevel', { kind: 'geen' })
	];

	it('shows each school against the norm, and only a status where there are no scores', () => {
		const o = swvOverview({ themes, levels, norm: { a: 'functioneren' }, schools });
		const zon = o.rows.find((r) => r.school.name === 'Zon')!;
		expect(zon.cells!.map((c) => [c.score, c.level?.id, c.meetsNorm])).toEqual([
			[80, 'borgen', true],
			[20, 'verkennen', null]
		]);
		const maan = o.rows.find((r) => r.school.name === 'Maan')!;
		expect(maan.cells![0]!.meetsNorm).toBe(false);
		expect(o.rows.find((r) => r.school.name === 'Komeet')).toMatchObject({
			cells: null,
			status: 'te weinig respondenten'
		});
		expect(o.rows.find((r) => r.school.name === 'Planeet')!.status).toBe('Niet gedeeld');
		expect(o.themes.map((t) => t.norm?.id ?? null)).toEqual(['functioneren', null]);
	});

	it('summarises the shown schools per theme: median, quartiles and levels', () => {
		const o = swvOverview({ themes, levels, norm: {}, schools });
		expect(o.footer.a).toMatchObject({ n: 3, median: 60, q1: 50, q3: 70, min: 40, max: 80 });
		expect(o.footer.a!.levels).toEqual({
			verkennen: 0,
			ontwikkelen: 1,
			functioneren: 1,
			borgen: 1
		});
		expect(o.footer.b).toMatchObject({ n: 2, median: 37.5 });
		expect(o.participation).toMatchObject({
			schools: 6,
			started: 5,
			withScores: 3,
			notShared: 1,
			tooFew: 1
		});
		expect(o.participation.notStarted.map((s) => s.name)).toEqual(['Nevel']);
	});

	it('filters by school type, and the footer follows the filter', () => {
		const o = swvOverview({ themes, levels, norm: {}, schools, type: 'sbo' });
		expect(o.rows.map((r) => r.school.name)).toEqual(['Ster']);
		expect(o.footer.a).toMatchObject({ n: 1, median: 60 });
	});

	it('sorts by a theme either way, with schools without a score last', () => {
		const names = (dir: 'op' | 'af', key: 'thema:b' | 'naam' = 'thema:b') =>
			swvOverview({ themes, levels, norm: {}, schools, sort: { key, dir } }).rows.map(
				(r) => r.school.name
			);
		expect(names('af').slice(0, 2)).toEqual(['Ster', 'Zon']);
		expect(names('op').slice(0, 2)).toEqual(['Zon', 'Ster']);
		expect(names('af').slice(2)).toEqual(['Komeet', 'Maan', 'Nevel', 'Planeet']);
		expect(names('op', 'naam')).toEqual(['Komeet', 'Maan', 'Nevel', 'Planeet', 'Ster', 'Zon']);
	});

	it('exports one row per school and theme, with the norm, and a status row otherwise', () => {
		const o = swvOverview({ themes, levels, norm: { a: 'borgen' }, schools });
		const table = themeTable(o, 'Schoolscan');
		const zon = table.rows.filter((r) => r[0] === 'Zon');
		expect(zon).toHaveLength(2);
		expect(zon[0]!.slice(9, 14)).toEqual(['Thema A', 80, 'Geborgd', 'Geborgd', 'ja']);
		expect(table.rows.find((r) => r[0] === 'Komeet')!.at(-1)).toBe('te weinig respondenten');
		const csv = toCsv({ ...table, rows: [['=SOM(A1)', 2.5, 'a;b', null]] });
		expect(csv.startsWith('\ufeffSchool;')).toBe(true);
		expect(csv.split('\r\n')[1]).toBe('\'=SOM(A1);2,5;"a;b";');
	});
});

describe('swvTrend and schoolYear', () => {
	it('starts the school year on 1 August, Dutch time', () => {
		expect(schoolYear(new Date('2026-07-31T12:00:00Z'))).toBe('2025-2026');
		expect(schoolYear(new Date('2026-08-01T12:00:00Z'))).toBe('2026-2027');
		// 23:30 UTC on 31 July is 01:30 on 1 August in Amsterdam.
		expect(schoolYear(new Date('2026-07-31T23:30:00Z'))).toBe('2026-2027');
		expect(schoolYear(new Date('2027-01-15T12:00:00Z'))).toBe('2026-2027');
	});
	it('takes each school’s latest round of a year and the median over schools', () => {
		const trend = swvTrend(
			themes,
			levels,
			[
				{ schoolId: 1, date: new Date('2025-10-01'), themes: { a: 10, b: 10 } },
				{ schoolId: 1, date: new Date('2026-03-01'), themes: { a: 30, b: 30 } },
				{ schoolId: 2, date: new Date('2025-11-01'), themes: { a: 50, b: null } },
				{ schoolId: 1, date: new Date('2026-10-01'), themes: { a: 70, b: 60 } }
			],
			() => 'po',
			{}
		);
		expect(trend).toEqual([
			{
				year: '2025-2026',
				schools: 2,
				types: [{ type: 'po', schools: 2, medians: { a: 40, b: 30 } }],
				pooled: null
			},
			{
				year: '2026-2027',
				schools: 1,
				types: [{ type: 'po', schools: 1, medians: { a: 70, b: 60 } }],
				pooled: null
			}
		]);
	});
	it('gives the trend per school type and pools only themes with the same statements', () => {
		// Theme a: po and so answer the same statements; theme b: so answers another one.
		const statements = { a: { po: 'a1', so: 'a1' }, b: { po: 'b1', so: 'b2' } };
		const typeOf = (id: number) => (id < 10 ? 'po' : 'so') as 'po' | 'so';
		const trend = swvTrend(
			themes,
			levels,
			[
				{ schoolId: 1, date: new Date('2025-10-01'), themes: { a: 20, b: 20 } },
				{ schoolId: 2, date: new Date('2025-10-01'), themes: { a: 40, b: 40 } },
				{ schoolId: 11, date: new Date('2025-10-01'), themes: { a: 90, b: 90 } }
			],
			typeOf,
			statements
		);
		// po 20/40 → 30; so 90 → 90; a pooled over 20/40/90 → 40; b would pool to 40 too, but never.
		expect(trend[0]!.types).toEqual([
			{ type: 'po', schools: 2, medians: { a: 30, b: 30 } },
			{ type: 'so', schools: 1, medians: { a: 90, b: 90 } }
		]);
		expect(trend[0]!.pooled).toEqual({ a: 40, b: null });
		expect(trendLines(themes, trend).map((l) => [l.label, l.values])).toEqual([
			['Thema A (PO)', [30]],
			['Thema A (SO)', [90]],
			['Thema A (alle typen, zelfde stellingen)', [40]],
			['Thema B (PO)', [30]],
			['Thema B (SO)', [90]]
		]);
	});
});

describe('sectorBenchmark', () => {
	const swv = (swvId: number, n: number, a: number, schoolType: 'po' | 'so' = 'po') => ({
		swvId,
		schools: Array.from({ length: n }, () => ({ schoolType, themes: { a, b: null } }))
	});
	const line = (b: ReturnType<typeof sectorBenchmark>, themeId: string, type: string | null) =>
		b.lines.find((l) => l.themeId === themeId && l.type === type);
	it('counts only SWVs with enough scored schools, and shows the sector only from enough SWVs', () => {
		const few = sectorBenchmark(
			themes,
			levels,
			[swv(1, 5, 50), swv(2, 5, 60), swv(3, 4, 70)],
			1,
			{}
		);
		expect(line(few, 'a', 'po')).toMatchObject({ own: 50, allowed: false, sector: null, units: 2 });
		const many = sectorBenchmark(
			themes,
			levels,
			Array.from({ length: MIN_BENCHMARK_UNITS }, (_, i) => swv(i + 1, 5, 40 + i * 10)),
			2,
			{}
		);
		expect(line(many, 'a', 'po')).toMatchObject({ own: 50, allowed: true, units: 5 });
		// Median and quartiles only: a minimum or maximum would be one SWV's own median.
		expect(line(many, 'a', 'po')!.sector).toEqual({ n: 5, median: 60, q1: 50, q3: 70 });
		expect(line(many, 'b', 'po')).toMatchObject({ allowed: false, units: 0 });
		// One type in the sector: no separate line over all types.
		expect(line(many, 'a', null)).toBeUndefined();
	});
	it('compares per school type, and over all types only on the same statements', () => {
		// Five SWVs, each with five po schools at 40 + 10i and five so schools at 10 + 10i.
		const swvs = Array.from({ length: 5 }, (_, i) => ({
			swvId: i + 1,
			schools: [...swv(0, 5, 40 + i * 10).schools, ...swv(0, 5, 10 + i * 10, 'so').schools]
		}));
		const same = { a: { po: 'a1', so: 'a1' } };
		const b = sectorBenchmark(themes, levels, swvs, 1, same);
		// po medians 40…80 → 60 (50–70); so 10…50 → 30 (20–40); SWV 1 is 40 and 10.
		expect(line(b, 'a', 'po')).toMatchObject({
			own: 40,
			sector: { n: 5, median: 60, q1: 50, q3: 70 }
		});
		expect(line(b, 'a', 'so')).toMatchObject({
			own: 10,
			sector: { n: 5, median: 30, q1: 20, q3: 40 }
		});
		// Same statements: all types pooled, labelled so; SWV 1's ten schools 10 and 40 → 25.
		expect(line(b, 'a', null)).toMatchObject({
			label: 'Alle typen (zelfde stellingen)',
			own: 25,
			sector: { n: 5, median: 45 }
		});
		// Different statements: never pooled.
		const differ = sectorBenchmark(themes, levels, swvs, 1, { a: { po: 'a1', so: 'a2' } });
		expect(line(differ, 'a', null)).toBeUndefined();
		expect(differ.lines.filter((l) => l.themeId === 'a').map((l) => l.label)).toEqual(['PO', 'SO']);
	});
});

describe('readiness and startStatus', () => {
	it('gives per theme the median, its level and how many schools reach the norm', () => {
		const schools = [
			school('Een', scores(80, 20)),
			school('Twee', scores(60, 30)),
			school('Drie', scores(40, null)),
			school('Vier', { kind: 'te-weinig', roundTitle: 'Najaar', date, respondents: 2 })
		];
		const o = swvOverview({ themes, levels, norm: { a: 'functioneren' }, schools });
		const fig = (
			median: number,
			q1: number,
			q3: number,
			level: string,
			n: number,
			meetingNorm: number | null
		) => ({
			type: 'po',
			label: 'PO',
			median,
			q1,
			q3,
			level,
			n,
			meetingNorm
		});
		expect(readiness(o, levels)).toEqual([
			{
				id: 'a',
				title: 'Thema A',
				norm: 'Functionerend',
				figures: [fig(60, 50, 70, 'Functionerend', 3, 2)],
				n: 3,
				meetingNorm: 2
			},
			{
				id: 'b',
				title: 'Thema B',
				norm: null,
				figures: [fig(25, 22.5, 27.5, 'In ontwikkeling', 2, null)],
				n: 2,
				meetingNorm: null
			}
		]);
	});

	it('gives readiness per school type, and over all types only on the same statements', () => {
		const schools = [
			school('Een', scores(80, 20)),
			school('Twee', scores(60, 30)),
			school('Drie', scores(20, 90), { schoolType: 'so' })
		];
		// Theme a: same statements; theme b: so answers another one.
		const statements = { a: { po: 'a1', so: 'a1' }, b: { po: 'b1', so: 'b2' } };
		const o = swvOverview({ themes, levels, norm: { a: 'functioneren' }, schools, statements });
		const [a, b] = readiness(o, levels);
		// a: po 60/80 → 70, so 20; pooled 20/60/80 → 60, labelled so; 2 of 3 reach the norm.
		expect(a!.figures.map((f) => [f.label, f.median, f.n, f.meetingNorm])).toEqual([
			['PO', 70, 2, 2],
			['SO', 20, 1, 0],
			['Alle typen (zelfde stellingen)', 60, 3, 2]
		]);
		// b: po 20/30 → 25, so 90; a pooled median (30) would mix different statements: absent.
		expect(b!.figures.map((f) => [f.label, f.median, f.n])).toEqual([
			['PO', 25, 2],
			['SO', 90, 1]
		]);
	});

	it('says whether a school started this school year', () => {
		const now = new Date('2026-11-23T12:00:00Z');
		const last = { opensAt: new Date('2026-03-01T08:00:00Z'), open: false, sent: 9 };
		expect(startStatus([], true, now)).toEqual({
			open: false,
			notStarted: true,
			stand: 'nog nooit gestart'
		});
		expect(startStatus([last], true, now)).toMatchObject({
			notStarted: true,
			stand: 'laatste ronde 1 mrt 2026'
		});
		const running = { opensAt: new Date('2026-11-20T08:00:00Z'), open: true, sent: 0 };
		expect(startStatus([running, last], true, now)).toEqual({
			open: true,
			notStarted: true,
			stand: 'ronde loopt, 0 verstuurd'
		});
		expect(startStatus([{ ...running, sent: 4 }, last], true, now)).toMatchObject({
			notStarted: false
		});
		// A deactivated school is never listed as not started.
		expect(startStatus([], false, now).notStarted).toBe(false);
	});
});
