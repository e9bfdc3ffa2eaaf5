import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	cellsHold,
	decideDisclosure,
	participation,
	type ReleaseRecord,
	type SentResponse
} from './disclosure';
import { questionnaireSchema } from './questionnaire/schema';
import { countedAnswers, scoreRound, tallyRespondents, type RoundScore } from './scoring';

/**
 * The disclosure model over time. The mini questionnaire (tests/fixtures/valid/mini/v1.json):
 * scale 1–4, 0 = "weet ik niet"; at a po school the statements visie-gedeeld, visie-zichtbaar
 * (shown when visie-gedeeld is 3 or 4) and os-rollen; groups leraar and directie among others.
 */
const mini = questionnaireSchema.parse(
	JSON.parse(readFileSync('tests/fixtures/valid/mini/v1.json', 'utf8'))
);
const GROUPS = ['leraar', 'directie'];
const ITEMS = ['visie-gedeeld', 'visie-zichtbaar', 'os-rollen'];

let nextId = 1;
function sent(group: string | null, values: (number | null)[]): SentResponse {
	return {
		id: nextId++,
		group,
		answers: Object.fromEntries(
			values.flatMap((v, i) => (v === null ? [] : [[ITEMS[i]!, v] as [string, number]]))
		)
	};
}
const everyone = (n: number, group: string | null = null, v = 3) =>
	Array.from({ length: n }, () => sent(group, [v, v, v]));

/** What the simulated app shows now (and records, like the server does). */
function view(all: SentResponse[], releases: ReleaseRecord[], min = 3) {
	const d = decideDisclosure(mini, 'po', min, false, all, releases);
	if (d.kind === 'new') releases.push(d.release);
	return d;
}

function shownScore(all: SentResponse[], release: ReleaseRecord, min = 3): RoundScore {
	const ids = new Set(release.members.map(([id]) => id));
	return scoreRound(
		mini,
		'po',
		tallyRespondents(
			mini,
			'po',
			all.filter((r) => ids.has(r.id))
		),
		min,
		release.mask
	);
}

describe('cells of shown sets', () => {
	it('holds when every cell reaches the minimum and fails on a cell of one', () => {
		expect(cellsHold([[1, 2, 3, 4, 5, 6]], 3)).toBe(true);
		// {1..5} and {1..6}: the difference is response 6 alone.
		expect(
			cellsHold(
				[
					[1, 2, 3, 4, 5],
					[1, 2, 3, 4, 5, 6]
				],
				3
			)
		).toBe(false);
		expect(
			cellsHold(
				[
					[1, 2, 3, 4, 5],
					[1, 2, 3, 4, 5, 6, 7, 8]
				],
				3
			)
		).toBe(true);
		// A group and the whole: the rest (overig) is a cell too.
		expect(
			cellsHold(
				[
					[1, 2, 3, 4, 5, 6],
					[1, 2, 3, 4, 5]
				],
				3
			)
		).toBe(false);
	});
});

describe('participation while a round is open', () => {
	const count = (groups: [string | null, number, number][]) => ({
		started: groups.reduce((n, [, s]) => n + s, 0),
		submitted: groups.reduce((n, [, , x]) => n + x, 0),
		groups: groups.map(([group, , submitted]) => ({ group, submitted }))
	});

	it('shows sent per function only where the function and the rest both reach the minimum', () => {
		expect(
			participation(
				mini,
				count([
					['leraar', 6, 4],
					['directie', 1, 1]
				]),
				3
			)
		).toEqual({
			submitted: 5,
			unsent: 2,
			groups: []
		});
		expect(
			participation(
				mini,
				count([
					['leraar', 6, 4],
					['directie', 3, 2],
					[null, 2, 1]
				]),
				3
			).groups
		).toEqual([
			{ label: 'leraar', submitted: 4 },
			{ label: 'Overige functies samen', submitted: 3 }
		]);
		// Begun counts never appear per function, only as one total.
		const shown = participation(
			mini,
			count([
				['leraar', 9, 3],
				['directie', 9, 3]
			]),
			3
		);
		expect(shown).toEqual({
			submitted: 6,
			unsent: 12,
			groups: [
				{ label: 'directie', submitted: 3 },
				{ label: 'leraar', submitted: 3 }
			]
		});
	});
});

describe('the disclosure model', () => {
	it('shows nothing while the round is open, whatever was sent', () => {
		expect(decideDisclosure(mini, 'po', 3, true, everyone(10), [])).toEqual({ kind: 'open' });
	});

	it('needs the minimum of sent responses for a first result', () => {
		expect(view(everyone(2), [])).toEqual({ kind: 'too-few', respondents: 2, needed: 1 });
		expect(view(everyone(3), []).kind).toBe('new');
	});

	it('keeps the earlier result until the minimum of new responses is in, five once distributions showed', () => {
		const all = everyone(4);
		const releases: ReleaseRecord[] = [];
		expect(view(all, releases).kind).toBe('new');
		// The same set again: nothing new.
		expect(view(all, releases)).toEqual({ kind: 'latest', newSince: 0, needed: 0 });
		all.push(sent(null, [1, null, 1]));
		expect(view(all, releases)).toEqual({ kind: 'latest', newSince: 1, needed: 2 });
		all.push(sent(null, [1, null, 1]));
		expect(view(all, releases)).toEqual({ kind: 'latest', newSince: 2, needed: 1 });
		all.push(sent(null, [1, null, 1]));
		expect(view(all, releases).kind).toBe('new');
		// Seven sent: distributions show. The next update needs five new responses, or the
		// difference would be the newcomers' distribution.
		for (let k = 1; k <= 4; k++) {
			all.push(sent(null, [2, null, 2]));
			expect(view(all, releases)).toEqual({ kind: 'latest', newSince: k, needed: 5 - k });
		}
		all.push(sent(null, [2, null, 2]));
		expect(view(all, releases).kind).toBe('new');
		expect(releases.map((r) => r.members.length)).toEqual([4, 7, 12]);
		expect(shownScore(all, releases[2]!).respondents).toBe(12);
	});

	it('holds a group back when its change is smaller than the minimum, and shows the whole', () => {
		const all = [...everyone(4, GROUPS[0]!), ...everyone(4, GROUPS[1]!)];
		const releases: ReleaseRecord[] = [];
		view(all, releases);
		expect([...(releases[0]!.mask.groups ?? [])].sort()).toEqual([...GROUPS].sort());
		// Five newcomers: two in the first group, three in the second. The whole may change by five,
		// but the first group would change by two: no groups in this release.
		all.push(
			sent(GROUPS[0]!, [1, 1, 1]),
			sent(GROUPS[0]!, [1, 1, 1]),
			...everyone(3, GROUPS[1]!, 1)
		);
		const d = view(all, releases);
		expect(d.kind).toBe('new');
		expect(releases[1]!.mask.groups).toBeNull();
		expect(shownScore(all, releases[1]!).groups).toEqual([]);
	});

	it('hides a statement in a group when the whole minus that group would single out one answer', () => {
		// Five teachers answer everything; one other person answers os-rollen only.
		const all = [
			...everyone(5, GROUPS[0]!),
			sent(GROUPS[1]!, [null, null, 4]),
			...everyone(2, GROUPS[1]!)
		];
		// The other group has three members but only... every member of it counts for the response
		// level; the statement visie-gedeeld has 2 scored answers outside the teachers.
		const releases: ReleaseRecord[] = [];
		view(all, releases);
		const score = shownScore(all, releases[0]!);
		const item = (s: RoundScore | RoundScore['groups'][number], id: string) =>
			s.themes.flatMap((t) => t.items).find((i) => i.itemId === id)!;
		// Whole: 7 scored answers to visie-gedeeld, teachers 5: their difference (2 answers) is
		// below the minimum, so the teachers' figure for it is held back while the whole shows.
		expect(item(score, 'visie-gedeeld').shown).not.toBe('hidden');
		const teachers = score.groups.find((g) => g.group === GROUPS[0])!;
		expect(item(teachers, 'visie-gedeeld').shown).toBe('hidden');
		// os-rollen: 8 in the whole, 5 teachers, 3 others: every cell has three.
		expect(item(teachers, 'os-rollen').shown).not.toBe('hidden');
	});

	it('never lets a sequence of views single out one response (random sequences)', () => {
		const answer = fc.oneof(fc.constant(null), fc.constantFrom(0, 1, 2, 3, 4));
		const response = fc.record({
			group: fc.constantFrom<string | null>(null, ...GROUPS),
			values: fc.tuple(answer, answer, answer)
		});
		const event = fc.oneof(
			{ weight: 3, arbitrary: response.map((r) => ({ kind: 'send' as const, ...r })) },
			{ weight: 2, arbitrary: fc.constant({ kind: 'view' as const }) }
		);
		const outcome = fc.check(
			fc.property(fc.array(event, { maxLength: 30 }), fc.constantFrom(3, 4), (events, min) => {
				nextId = 1;
				const all: SentResponse[] = [];
				const releases: ReleaseRecord[] = [];
				for (const e of events) {
					if (e.kind === 'send') all.push(sent(e.group, e.values));
					else view(all, releases, min);
				}
				view(all, releases, min);
				return singledOut(all, releases, min) === null;
			}),
			{ numRuns: 300 }
		);
		expect(outcome.counterexample).toBeNull();
	});
});

/**
 * The attacker: everything ever shown, as sets of responses over which a figure was given (the
 * whole and each group of each release; per statement its scored answers where a mean shows, its
 * answers where a distribution shows). A response is singled out when its own indicator vector is
 * a linear combination of those sets: adding and subtracting what was shown gives its answer.
 * Returns a description of the first response singled out, or null.
 */
function singledOut(all: SentResponse[], releases: ReleaseRecord[], min: number): string | null {
	const byId = new Map(all.map((r) => [r.id, r]));
	const families = new Map<string, number[][]>();
	const add = (key: string, ids: number[]) => {
		if (ids.length) families.set(key, [...(families.get(key) ?? []), ids]);
	};
	for (const rel of releases) {
		const score = shownScore(all, rel, min);
		const ids = rel.members.map(([id]) => id);
		const groupOf = new Map(rel.members.map(([id, g]) => [id, g ?? '']));
		const parts: [RoundScore | RoundScore['groups'][number], number[]][] = [[score, ids]];
		const standing = score.groups.filter((g) => g.group !== 'overig').map((g) => g.group);
		for (const g of score.groups)
			parts.push([
				g,
				ids.filter((id) =>
					g.group === 'overig' ? !standing.includes(groupOf.get(id)!) : groupOf.get(id) === g.group
				)
			]);
		for (const [set, members] of parts) {
			add('respondents', members);
			for (const item of set.themes.flatMap((t) => t.items)) {
				const counted = (id: number) => countedAnswers(mini, 'po', byId.get(id)!.answers);
				if (item.shown === 'hidden') continue;
				add(
					`scored ${item.itemId}`,
					members.filter((id) => {
						const v = counted(id).get(item.itemId);
						return v !== undefined && v !== 0;
					})
				);
				if (item.shown === 'full')
					add(
						`answered ${item.itemId}`,
						members.filter((id) => counted(id).has(item.itemId))
					);
			}
		}
	}
	for (const [key, sets] of families) {
		const universe = [...new Set(sets.flat())];
		const rows = sets.map((s) => universe.map((id) => (s.includes(id) ? 1 : 0)));
		const base = rank(rows);
		for (const id of universe) {
			const unit = universe.map((x) => (x === id ? 1 : 0));
			if (rank([...rows, unit]) === base) return `${key}: response ${id}`;
		}
	}
	return null;
}

/** The rank of a small matrix (Gaussian elimination). */
function rank(matrix: number[][]): number {
	const m = matrix.map((r) => [...r]);
	let r = 0;
	for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
		const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
		if (pivot < 0) continue;
		[m[r], m[pivot]] = [m[pivot]!, m[r]!];
		for (let i = 0; i < m.length; i++) {
			if (i === r) continue;
			const f = m[i]![c]! / m[r]![c]!;
			if (f) m[i] = m[i]!.map((x, k) => x - f * m[r]![k]!);
		}
		r++;
	}
	return r;
}
