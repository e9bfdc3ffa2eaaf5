import { describe, expect, it } from 'vitest';
import type { Level } from '../questionnaire/schema';
import { calendarDay, matrixSheet, toCsv } from './export';
import { rowMatches, NO_FILTER } from './filter';
import { swvOverview } from './overview';
import { POOLED_LABEL, sameStatements, spreadMarks, type StatementSets } from './per-type';
import type { LatestResult, SchoolInput } from './types';

const levels: Level[] = [
	{ id: 'laag', name: 'Laag', from: 0, to: 50, verdict: 'risico', description: '' },
	{ id: 'hoog', name: 'Hoog', from: 50, to: 100, verdict: 'gaat-goed', description: '' }
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
let id = 1;
const school = (
	name: string,
	schoolType: SchoolInput['schoolType'],
	latest: LatestResult,
	rounds = 1
): SchoolInput => ({
	id: id++,
	name,
	place: 'Lindewaard',
	code: '90AA00',
	schoolType,
	rounds,
	lastRespondents: 8,
	lastRoundAt: date,
	open: false,
	latest
});
const schools = [
	school('Zon', 'po', scores(80, 20)),
	school('Maan', 'po', scores(40, 60)),
	school('Ster', 'po', scores(60, 70)),
	school('Komeet', 'so', scores(10, 90)),
	school('Ëlla', 'so', { kind: 'te-weinig', roundTitle: 'Najaar', date, respondents: 2 }),
	school('Nevel', 'so', { kind: 'geen' }, 0)
];
// Theme a: the same statements for po and so; theme b: so answers another statement.
const statements: StatementSets = {
	a: { po: 'a1 a2', so: 'a1 a2' },
	b: { po: 'b1 b2', so: 'b1 b3' }
};

describe('per-type figures', () => {
	it('gives median, quartiles and counts per school type, never pooled over different statements', () => {
		const o = swvOverview({ themes, levels, norm: {}, schools, statements });
		expect(o.perType.types.map((t) => [t.type, t.schools])).toEqual([
			['po', 3],
			['so', 3]
		]);
		const [po, so] = o.perType.types;
		expect(po!.spread.a).toMatchObject({ n: 3, median: 60, q1: 50, q3: 70 });
		expect(po!.spread.b).toMatchObject({ n: 3, median: 60 });
		expect(so!.spread.b).toMatchObject({ n: 1, median: 90 });
		// Theme a: same statements, so a figure over all types; theme b: none.
		expect(o.perType.pooled!.a).toMatchObject({ n: 4, median: 50 });
		expect(o.perType.pooled!.b).toBeNull();
	});

	it('with one type in the table, no separate figure over all types', () => {
		const o = swvOverview({ themes, levels, norm: {}, schools, statements, type: 'po' });
		expect(o.perType.types.map((t) => t.type)).toEqual(['po']);
		expect(o.perType.pooled).toBeNull();
	});

	it('compares statement sets per theme', () => {
		expect(sameStatements(statements, 'a', ['po', 'so'])).toBe(true);
		expect(sameStatements(statements, 'b', ['po', 'so'])).toBe(false);
		expect(sameStatements(statements, 'b', ['po'])).toBe(true);
	});

	it('gives the spread chart a median mark per type, and a pooled one only on the same statements', () => {
		const o = swvOverview({ themes, levels, norm: {}, schools, statements });
		// Theme a, same statements: po 40/60/80 → 60 (50–70), so 10 → 10; pooled 10/40/60/80 → 50.
		expect(spreadMarks(o.perType, 'a')).toEqual([
			{ type: 'po', label: 'PO', median: 60, q1: 50, q3: 70, n: 3 },
			{ type: 'so', label: 'SO', median: 10, q1: 10, q3: 10, n: 1 },
			{ type: null, label: POOLED_LABEL, median: 50, q1: 32.5, q3: 65, n: 4 }
		]);
		// Theme b, different statements: po 20/60/70 → 60 and so 90 → 90, never pooled (it would be 65).
		const b = spreadMarks(o.perType, 'b');
		expect(b.map((m) => [m.label, m.median, m.n])).toEqual([
			['PO', 60, 3],
			['SO', 90, 1]
		]);
		expect(b.some((m) => m.type === null)).toBe(false);
	});
});

describe('table filters', () => {
	const names = (filter: Partial<typeof NO_FILTER>, norm: Record<string, string> = {}) =>
		swvOverview({
			themes,
			levels,
			norm,
			schools,
			filter: { ...NO_FILTER, ...filter }
		}).rows.map((r) => r.school.name);

	it('finds a level on a chosen theme or on any theme', () => {
		expect(names({ level: 'laag', theme: 'a' })).toEqual(['Komeet', 'Maan']);
		expect(names({ level: 'laag' })).toEqual(['Komeet', 'Maan', 'Zon']);
	});

	it('finds schools below the norm on a chosen theme or on any theme', () => {
		const norm = { a: 'hoog', b: 'hoog' };
		expect(names({ belowNorm: true, theme: 'b' }, norm)).toEqual(['Zon']);
		expect(names({ belowNorm: true }, norm)).toEqual(['Komeet', 'Maan', 'Zon']);
		// Without a norm nobody is below it.
		expect(names({ belowNorm: true })).toEqual([]);
	});

	it('filters by status and searches names without regard to case or accents', () => {
		expect(names({ status: 'te-weinig' })).toEqual(['Ëlla']);
		expect(names({ status: 'nooit-gestart' })).toEqual(['Nevel']);
		expect(names({ status: 'scores' })).toEqual(['Komeet', 'Maan', 'Ster', 'Zon']);
		expect(names({ search: 'ELLA' })).toEqual(['Ëlla']);
		expect(names({ search: 'aan' })).toEqual(['Maan']);
	});

	it('keeps participation over all schools of the type while the rows follow the filters', () => {
		const o = swvOverview({
			themes,
			levels,
			norm: {},
			schools,
			filter: { ...NO_FILTER, search: 'zon' }
		});
		expect(o.rows).toHaveLength(1);
		expect(o.participation.schools).toBe(6);
		expect(o.footer.a).toMatchObject({ n: 1, median: 80 });
		expect(rowMatches(o.rows[0]!, NO_FILTER)).toBe(true);
	});
});

describe('the matrix sheet and dates in the exports', () => {
	it('lays the schools out like the table: scores, letters and norm marks, figures per type', () => {
		const o = swvOverview({
			themes,
			levels,
			norm: { a: 'hoog' },
			schools,
			statements
		});
		const m = matrixSheet(o, levels);
		expect(m.header).toEqual(['School', 'Type', 'Laatste gedeelde ronde', 'Thema A', 'Thema B']);
		const zon = m.rows.find((r) => r.school === 'Zon')!;
		expect(zon.cells).toEqual([
			{ score: 80, levelId: 'hoog', suffix: ' ▲' },
			{ score: 20, levelId: 'laag', suffix: '' }
		]);
		expect(zon.date).toEqual(new Date('2026-11-01T00:00:00Z'));
		expect(m.rows.find((r) => r.school === 'Nevel')).toMatchObject({ cells: null, date: null });
		expect(m.footer.map((f) => f.label)).toContain('PO: mediaan');
		expect(m.footer.at(-1)!.values).toEqual([50, 'andere stellingen per type']);
	});

	it('writes a date as its calendar day in CSV', () => {
		expect(calendarDay(new Date('2026-07-31T23:30:00Z'))).toEqual(new Date('2026-08-01T00:00:00Z'));
		const csv = toCsv({
			name: 'x',
			columns: [{ header: 'Afgerond', kind: 'date' }],
			rows: [[calendarDay(new Date('2026-07-31T23:30:00Z'))]]
		});
		expect(csv.split('\r\n')[1]).toBe('2026-08-01');
	});
});
