import { formatDate } from './format';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionnaireSchema } from './questionnaire/schema';
import {
	firstView,
	reportFileName,
	schoolReport,
	slug,
	type SchoolReportInput
} from './school-report';
import type { GroupTally } from './scoring';

const q = questionnaireSchema.parse(
	JSON.parse(readFileSync('questionnaires/school-scan/v1.json', 'utf8'))
);
const VB = q.themes[0]!.items.map((i) => i.id);

/** `values` per respondent: every statement of "Visie en beleid" gets that answer. */
function tallies(values: number[]): GroupTally[] {
	const items: Record<string, Record<number, number>> = {};
	for (const v of values) for (const id of VB) (items[id] ??= {})[v] = (items[id]![v] ?? 0) + 1;
	return [{ group: 'leraar', respondents: values.length, items }];
}

function input(values: number[], over: Partial<SchoolReportInput> = {}): SchoolReportInput {
	return {
		round: {
			id: 7,
			title: 'Scan najaar 2026',
			status: 'closed',
			opensAt: '2026-10-26T08:00:00.000Z',
			closesAt: null,
			closedAt: '2026-11-13T15:00:00.000Z',
			minRespondents: 3
		},
		questionnaire: q,
		context: 'po',
		school: { id: 3, name: 'OBS De Regenboog', place: 'Lindewaard' },
		swv: { id: 1, code: 'PO2799', name: 'SWV Lindewaard' },
		result: firstView(q, 'po', tallies(values), 3),
		catalog: [],
		today: '2026-11-23',
		plan: [
			{
				id: 1,
				themeId: 'visie-en-beleid',
				action: 'Studiedag over onze visie',
				owner: 'directie',
				dueOn: '2027-02-01',
				status: 'planned'
			}
		],
		previous: null,
		benchmarks: { swv: [], sameType: [] },
		comments: { 'visie-en-beleid': ['Alleen voor de coördinator.'] },
		...over
	};
}

describe('the school report model', () => {
	it('writes Dutch dates, file names and slugs', () => {
		expect(formatDate('2026-11-23')).toBe('23 november 2026');
		// 23:30 UTC is already the next day in the Netherlands.
		expect(formatDate('2026-11-13T23:30:00.000Z')).toBe('14 november 2026');
		expect(slug('Basisschool De Linde; locatie Noord')).toBe('basisschool-de-linde-locatie-noord');
		expect(slug('Daltonschool Ëlla & Ĳsselmonde')).toBe('daltonschool-ella-ijsselmonde');
		expect(reportFileName('OBS De Regenboog', '2026-11-13T15:00:00.000Z', '2026-11-23')).toBe(
			'scan-passend-onderwijs-obs-de-regenboog-2026-11-13.pdf'
		);
		expect(reportFileName('OBS De Regenboog', null, '2026-11-23')).toBe(
			'scan-passend-onderwijs-obs-de-regenboog-2026-11-23.pdf'
		);
	});

	it('gives the SOP a plain-language text per theme from its score, level and plan', () => {
		// 4, 4, 3, 3, 2 on every statement: 73.3 → 73, Functionerend (gaat goed).
		const m = schoolReport(input([4, 4, 3, 3, 2]));
		expect(m.meta.period).toBe('van 26 oktober 2026 tot 13 november 2026');
		const vb = m.sop.find((s) => s.themeId === 'visie-en-beleid')!;
		expect(vb.paragraphs[0]).toContain('5 teamleden van OBS De Regenboog');
		expect(vb.paragraphs[0]).toContain('op het niveau functionerend (73 van 100)');
		expect(vb.paragraphs[0]).toContain('Dit thema gaat goed.');
		expect(vb.paragraphs.at(-1)).toBe(
			'Hieraan werkt de school: Studiedag over onze visie (directie, uiterlijk 1 februari 2027; gepland).'
		);
		// A theme nobody answered says so instead of a level.
		const os = m.sop.find((s) => s.themeId === 'ondersteuningsstructuur')!;
		expect(os.paragraphs).toEqual([
			'Over basisondersteuning en ondersteuningsstructuur gaven te weinig teamleden een antwoord om een uitspraak te doen. De school neemt dit thema mee in de volgende scan.'
		]);
		expect(m.sop).toHaveLength(m.score.themes.length);
	});

	it('names signals in the SOP text', () => {
		// Half "weet ik niet" (value 0), the rest far apart.
		const m = schoolReport(input([1, 4, 1, 4, 0, 0, 0, 0, 0, 0]));
		const text = m.sop.find((s) => s.themeId === 'visie-en-beleid')!.paragraphs.join(' ');
		expect(text).toContain('"weet ik niet"');
		expect(text).toContain('De antwoorden lopen ver uiteen');
	});

	it('gives the MR one summary with the verdicts, the plan and questions to ask', () => {
		const m = schoolReport(input([4, 4, 3, 3, 2]));
		expect(m.mr.map((b) => b.heading)).toEqual([
			'Wat is er onderzocht?',
			'De uitkomst in het kort',
			'Wat gaat de school doen?',
			'Vragen die de MR kan stellen'
		]);
		expect(m.mr[1]!.bullets).toEqual([
			'Gaat goed: visie en beleid.',
			"Aandachtspunten: geen thema's.",
			"Risico's: geen thema's."
		]);
		expect(m.mr[2]!.bullets).toEqual([
			'Visie en beleid: Studiedag over onze visie (directie, uiterlijk 1 februari 2027; gepland)'
		]);
	});

	it('below the minimum: no scores, no SOP texts, no comments; the MR reads why', () => {
		const m = schoolReport(input([4, 1]));
		expect(m.score.disclosure).toBe('hidden');
		expect(m.score.themes).toEqual([]);
		expect(m.sop).toEqual([]);
		expect(m.comments).toEqual({});
		expect(m.comparison).toBeNull();
		expect(m.mr.map((b) => b.paragraphs.join(' ')).join(' ')).toContain(
			'dat kan pas vanaf 3 respondenten'
		);
	});

	it('the method appendix names the scale, the levels and the minimum', () => {
		const m = schoolReport(input([4, 4, 3]));
		const text = m.method.flatMap((b) => [...b.paragraphs, ...(b.bullets ?? [])]).join(' ');
		expect(text).toContain('1 Niet, 2 Enigszins, 3 Grotendeels, 4 Volledig');
		expect(text).toContain('Verkennen (0–25, risico)');
		expect(text).toContain('Uitkomsten verschijnen pas vanaf 3 respondenten; vanaf 5 ook');
	});
});
