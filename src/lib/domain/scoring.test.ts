import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from './aggregate';
import { questionnaireSchema, type Questionnaire } from './questionnaire/schema';
import {
	scoreRound,
	scoreTally,
	tallyRespondents,
	mergeTallies,
	type Respondent,
	type RoundScore,
	type ScoreSet
} from './scoring';

/**
 * The mini questionnaire (tests/fixtures/valid/mini/v1.json): scale 1–4 (0 = "weet ik niet"),
 * theme "visie" (visie-gedeeld, visie-zichtbaar) for every school type, theme "ondersteuning"
 * (os-rollen for po and so, os-aanbod-so for so only). Points: 1 → 0, 2 → 33.3, 3 → 66.7, 4 → 100.
 */
const mini = questionnaireSchema.parse(
	JSON.parse(readFileSync('tests/fixtures/valid/mini/v1.json', 'utf8'))
);
const ITEMS = ['visie-gedeeld', 'visie-zichtbaar', 'os-rollen', 'os-aanbod-so'] as const;

/** Rows of a worked example: group, then one value per item in ITEMS order ('-' = not answered). */
function respondents(rows: [string | null, ...(number | '-')[]][]): Respondent[] {
	return rows.map(([group, ...values]) => ({
		group,
		answers: Object.fromEntries(
			values.flatMap((v, i) => (v === '-' ? [] : [[ITEMS[i]!, v] as [string, number]]))
		)
	}));
}

function score(rows: Respondent[], context: 'po' | 'so' = 'po', min = 3, q = mini): RoundScore {
	return scoreRound(q, context, tallyRespondents(q, context, rows), min);
}

const theme = (r: ScoreSet, id: string) => r.themes.find((t) => t.themeId === id)!;
const item = (r: ScoreSet, themeId: string, id: string) =>
	theme(r, themeId).items.find((i) => i.itemId === id)!;

describe('worked example: five respondents at a po school', () => {
	//            group            gedeeld zichtbaar rollen aanbod-so
	const rows = respondents([
		['leraar', 4, 3, 2, 4], // aanbod-so does not apply to po: ignored
		['leraar', 3, 3, 2, '-'],
		['leraar', 4, 0, 1, '-'],
		['schoolleiding', 4, 4, 3, '-'],
		['ib-zorgcoordinator', 3, 2, 0, '-']
	]);
	const result = score(rows);

	it('gives every number of the items', () => {
		// item            n  scored  mean   on 1–4  weet-niet  sd
		const expected: [string, string, number, number, number, number, number, number][] = [
			['visie', 'visie-gedeeld', 5, 5, 86.7, 3.6, 0, 16.3],
			['visie', 'visie-zichtbaar', 5, 4, 66.7, 3.0, 0.2, 23.6],
			['ondersteuning', 'os-rollen', 5, 4, 33.3, 2.0, 0.2, 23.6]
		];
		for (const [t, id, n, scored, mean, onScale, dk, sd] of expected) {
			const got = item(result, t, id);
			expect({
				n: got.n,
				scored: got.scored,
				mean: got.mean,
				onScale: got.meanOnScale,
				dk: got.dontKnowShare,
				sd: got.sd
			}).toEqual({ n, scored, mean, onScale, dk, sd });
		}
		expect(theme(result, 'ondersteuning').items.map((i) => i.itemId)).toEqual(['os-rollen']);
	});

	it('gives the distribution of an item, "weet ik niet" included', () => {
		expect(item(result, 'visie', 'visie-zichtbaar').distribution).toEqual([
			{ value: 1, label: 'Niet', count: 0, dontKnow: false },
			{ value: 2, label: 'Enigszins', count: 1, dontKnow: false },
			{ value: 3, label: 'Grotendeels', count: 2, dontKnow: false },
			{ value: 4, label: 'Volledig', count: 1, dontKnow: false },
			{ value: 0, label: 'Weet ik niet', count: 1, dontKnow: true }
		]);
	});

	it('turns items into theme scores, levels and signals', () => {
		// theme           score  level           weet-niet  spread
		const expected: [string, number, string, number, number][] = [
			['visie', 77, 'borgen', 0.1, 20],
			['ondersteuning', 33, 'ontwikkelen', 0.2, 23.6]
		];
		for (const [id, s, level, dk, spread] of expected) {
			const t = theme(result, id);
			expect([t.score, t.level?.id, t.dontKnowShare, t.spread]).toEqual([s, level, dk, spread]);
			expect(t.signals).toEqual({ insufficientInsight: false, divergentViews: false });
		}
		expect(result.overall).toEqual({
			score: 55,
			level: { id: 'functioneren', name: 'Functionerend', verdict: 'gaat-goed' }
		});
		expect([result.respondents, result.disclosure, result.needed]).toEqual([5, 'full', 0]);
	});

	it('shows no groups: leraar (3) alone would let the other two be worked out', () => {
		expect(result.groups).toEqual([]);
		expect(result.groupsFolded).toBe(true);
	});

	it('counts the so-only item at an so school', () => {
		const so = score(rows, 'so');
		expect(theme(so, 'ondersteuning').items.map((i) => [i.itemId, i.n])).toEqual([
			['os-rollen', 5],
			['os-aanbod-so', null]
		]);
		// One answer is below the minimum of three: nothing at all about that item, not even its count.
		expect(item(so, 'ondersteuning', 'os-aanbod-so')).toMatchObject({
			shown: 'hidden',
			mean: null,
			n: null,
			distribution: null
		});
	});
});

describe('staged disclosure', () => {
	it('below the minimum: only the count and how many more are needed', () => {
		const r = score(
			respondents([
				['leraar', 4, 4, 4, 4],
				['leraar', 1, 1, 1, 1]
			])
		);
		expect(r).toMatchObject({ respondents: 2, disclosure: 'hidden', needed: 1, themes: [] });
		expect(r.overall.score).toBeNull();
	});

	it('never lower than three, whatever the round asks', () => {
		const r = score(
			respondents([
				['leraar', 4, 4, 4, 4],
				['leraar', 1, 1, 1, 1]
			]),
			'po',
			1
		);
		expect([r.minRespondents, r.disclosure]).toEqual([3, 'hidden']);
	});

	it('from the minimum to four: means only, no distributions, shares or spread', () => {
		const r = score(
			respondents([
				['leraar', 4, 4, 2, '-'],
				['leraar', 3, 0, 2, '-'],
				['leraar', 2, 3, 2, '-']
			])
		);
		expect(r.disclosure).toBe('means');
		expect(item(r, 'visie', 'visie-gedeeld')).toMatchObject({
			mean: 66.7,
			distribution: null,
			dontKnowShare: null,
			sd: null
		});
		// visie-zichtbaar has two scored answers, fewer than the minimum: no mean.
		expect(item(r, 'visie', 'visie-zichtbaar').mean).toBeNull();
		// So the theme rests on visie-gedeeld alone.
		expect(theme(r, 'visie').score).toBe(67);
		expect(theme(r, 'visie').signals).toEqual({
			insufficientInsight: false,
			divergentViews: false
		});
	});

	it('honours a higher minimum set by the coordinator', () => {
		const rows = respondents([
			['leraar', 4, 4, 4, '-'],
			['leraar', 3, 3, 3, '-'],
			['leraar', 2, 2, 2, '-'],
			['leraar', 2, 2, 2, '-'],
			['leraar', 2, 2, 2, '-']
		]);
		expect(score(rows, 'po', 6)).toMatchObject({ disclosure: 'hidden', needed: 1 });
		expect(score(rows, 'po', 5).disclosure).toBe('full');
	});

	it('folds small groups into "overig" until it is large enough to keep them anonymous', () => {
		// leraar 4, ib 3, schoolleiding 1: schoolleiding alone is too small, and "overig" of one
		// person could be worked out, so ib joins it.
		const rows = respondents([
			['leraar', 4, 4, 4, '-'],
			['leraar', 4, 3, 4, '-'],
			['leraar', 3, 3, 4, '-'],
			['leraar', 3, 4, 4, '-'],
			['ib-zorgcoordinator', 2, 2, 1, '-'],
			['ib-zorgcoordinator', 2, 1, 1, '-'],
			['ib-zorgcoordinator', 1, 2, 2, '-'],
			['schoolleiding', 1, 1, 1, '-']
		]);
		const r = score(rows);
		expect(r.groups.map((g) => [g.group, g.label, g.respondents, g.disclosure])).toEqual([
			['leraar', 'leraar', 4, 'means'],
			['overig', 'Overige respondenten', 4, 'means']
		]);
		expect(theme(r.groups[0]!, 'visie').score).toBe(83);
		expect(theme(r.groups[1]!, 'visie').score).toBe(17);
		expect(r.groupsFolded).toBe(true);
	});
});

describe('reverse scoring and visibleIf', () => {
	const q: Questionnaire = structuredClone(mini);
	q.themes[0]!.items[1]!.visibleIf = { item: 'visie-gedeeld', in: [3, 4] };
	q.themes[1]!.items[0]!.reverse = true;

	it('ignores an answer to an item that its earlier answer hides', () => {
		const rows = respondents([
			['leraar', 1, 4, 1, '-'], // visie-gedeeld = 1 hides visie-zichtbaar
			['leraar', 4, 4, 1, '-'],
			['leraar', 4, 4, 1, '-'],
			['leraar', 3, 4, 1, '-']
		]);
		const r = score(rows, 'po', 3, q);
		expect(item(r, 'visie', 'visie-zichtbaar')).toMatchObject({ shown: 'means', mean: 100 });
		// Reverse: "niet" on a reverse item is the strongest answer.
		expect(item(r, 'ondersteuning', 'os-rollen')).toMatchObject({ mean: 100, meanOnScale: 1 });
		expect(theme(r, 'ondersteuning').level?.id).toBe('borgen');
	});
});

describe('summaries over schools', () => {
	it('gives mean, median, quartiles and levels', () => {
		expect(summarize([80, 20, 50, 40], mini.levels)).toEqual({
			n: 4,
			mean: 47.5,
			median: 45,
			q1: 35,
			q3: 57.5,
			min: 20,
			max: 80,
			levels: { verkennen: 1, ontwikkelen: 1, functioneren: 1, borgen: 1 }
		});
		expect(summarize([], mini.levels)).toMatchObject({ n: 0, median: null, q1: null });
	});
});

describe('properties', () => {
	const value = fc.constantFrom<number | undefined>(undefined, 0, 1, 2, 3, 4);
	const respondent = fc.record({
		group: fc.constantFrom('leraar', 'ib-zorgcoordinator', 'schoolleiding', null),
		values: fc.tuple(value, value, value, value)
	});
	const toRespondent = (r: {
		group: string | null;
		values: (number | undefined)[];
	}): Respondent => ({
		group: r.group,
		answers: Object.fromEntries(
			r.values.flatMap((v, i) => (v === undefined ? [] : [[ITEMS[i]!, v] as [string, number]]))
		)
	});
	const crowd = fc
		.array(respondent, { minLength: 0, maxLength: 14 })
		.map((rs) => rs.map(toRespondent));
	const context = fc.constantFrom<'po' | 'so'>('po', 'so');
	const scores = (r: RoundScore) =>
		r.themes.map((t) => ({ score: t.score, items: t.items.map((i) => i.mean) }));

	it('keeps every score within 0–100', () => {
		const outside = fc.check(
			fc.property(crowd, context, (rows, ctx) => {
				const r = score(rows, ctx);
				const all = [
					r.overall.score,
					...r.themes.flatMap((t) => [t.score, ...t.items.map((i) => i.mean)])
				].filter((x): x is number => x !== null);
				return all.every((x) => x >= 0 && x <= 100);
			})
		);
		expect(outside.counterexample).toBeNull();
	});

	it('does not depend on the order of respondents', () => {
		fc.assert(
			fc.property(crowd, context, fc.integer(), (rows, ctx, seed) => {
				const shuffled = [...rows].sort(
					(a, b) => ((rows.indexOf(a) * 7919 + seed) % 13) - ((rows.indexOf(b) * 7919 + seed) % 13)
				);
				expect(score(shuffled, ctx)).toEqual(score(rows, ctx));
			})
		);
	});

	it('changes no score when someone adds "weet ik niet" to an unanswered item', () => {
		fc.assert(
			fc.property(crowd, context, fc.nat(), fc.nat(3), (rows, ctx, who, which) => {
				fc.pre(rows.length > 0);
				const target = rows[who % rows.length]!;
				const itemId = ITEMS[which]!;
				fc.pre(target.answers[itemId] === undefined);
				const more = rows.map((r) =>
					r === target ? { ...r, answers: { ...r.answers, [itemId]: 0 } } : r
				);
				const a = score(rows, ctx);
				const b = score(more, ctx);
				expect(scores(b)).toEqual(scores(a));
				expect(b.overall).toEqual(a.overall);
			})
		);
	});

	it('mirrors an item when it is scored in reverse', () => {
		const reversed: Questionnaire = structuredClone(mini);
		for (const t of reversed.themes) for (const i of t.items) i.reverse = true;
		fc.assert(
			fc.property(crowd, context, (rows, ctx) => {
				const a = score(rows, ctx);
				const b = score(rows, ctx, 3, reversed);
				a.themes.forEach((t, ti) => {
					t.items.forEach((i, ii) => {
						const mirrored = b.themes[ti]!.items[ii]!.mean;
						if (i.mean === null) expect(mirrored).toBeNull();
						else expect(mirrored).toBeCloseTo(100 - i.mean, 0);
					});
					if (t.score !== null)
						expect(Math.abs(b.themes[ti]!.score! - (100 - t.score))).toBeLessThanOrEqual(1);
				});
			})
		);
	});

	it("puts a theme's score between its lowest and highest item means", () => {
		fc.assert(
			fc.property(crowd, context, (rows, ctx) => {
				for (const t of score(rows, ctx).themes) {
					const means = t.items.map((i) => i.mean).filter((m): m is number => m !== null);
					if (t.score === null) {
						expect(means).toEqual([]);
						continue;
					}
					expect(t.score).toBeGreaterThanOrEqual(Math.min(...means) - 0.5);
					expect(t.score).toBeLessThanOrEqual(Math.max(...means) + 0.5);
				}
			})
		);
	});

	it('gives the same whole whether tallied at once or group by group', () => {
		fc.assert(
			fc.property(crowd, context, (rows, ctx) => {
				const tallies = tallyRespondents(mini, ctx, rows);
				const once = tallyRespondents(
					mini,
					ctx,
					rows.map((r) => ({ ...r, group: null }))
				);
				expect(scoreTally(mini, ctx, mergeTallies('', tallies), 3)).toEqual(
					scoreTally(mini, ctx, mergeTallies('', once), 3)
				);
			})
		);
	});
});
