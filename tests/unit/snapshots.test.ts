import { describe, expect, it } from 'vitest';
import * as t from '$lib/server/db/schema';
import { loadQuestionnaires, markVersionUsed } from '$lib/server/questionnaires/registry';
import { dropSnapshot, snapshotsOf } from '$lib/server/results/snapshots';
import { latestReleasedScores } from '$lib/server/results/benchmarks';
import { swvSchoolPicture } from '$lib/server/swv/picture';
import { dbWithSwv } from '../helpers/db';

/**
 * Snapshots of finished rounds, on a real SQLite file: made on first use for a round that ended by
 * its date, never for an open one; the benchmarks take each school's latest released round and
 * leave out unreleased rounds and rounds below their minimum.
 */
function setup() {
	const { db, swv, school: addSchool } = dbWithSwv();
	const registry = loadQuestionnaires('questionnaires');
	markVersionUsed(db, registry, 'school-scan', 1);
	const school = (code: string) => addSchool(code).id;
	let n = 0;
	const addRound = (
		schoolId: number,
		opts: {
			opensAt: number;
			status?: 'open' | 'closed';
			closesAt?: number;
			released?: boolean;
			respondents: number;
			value: number;
		}
	) => {
		const id = db
			.insert(t.round)
			.values({
				scope: 'school',
				schoolId,
				swvId: swv.id,
				questionnaireId: 'school-scan',
				questionnaireVersion: 1,
				title: `Ronde ${++n}`,
				opensAt: new Date(opts.opensAt),
				status: opts.status ?? 'closed',
				closesAt: opts.closesAt ? new Date(opts.closesAt) : null,
				shareToken: `token${n}`,
				releasedAt: opts.released === false ? null : new Date(opts.opensAt)
			})
			.returning()
			.get().id;
		for (let r = 0; r < opts.respondents; r++) {
			const responseId = db
				.insert(t.response)
				.values({
					roundId: id,
					tokenHash: `t${id}-${r}`,
					resumeHash: `c${id}-${r}`,
					submittedAt: new Date()
				})
				.returning()
				.get().id;
			db.insert(t.answer)
				.values({ responseId, itemId: 'vb-gedeelde-visie', value: opts.value })
				.run();
		}
		return id;
	};
	return { db, registry, swv, school, addRound };
}

const day = 86_400_000;
const now = Date.now();

describe('snapshots and the benchmarks built on them', () => {
	it('takes each school’s latest released, finished round with enough respondents', () => {
		const { db, registry, swv, school, addRound } = setup();
		const a = school('11AA');
		const b = school('11AB');
		const c = school('11AC');
		const d = school('11AD');
		addRound(a, { opensAt: now - 60 * day, respondents: 5, value: 1 });
		// Newer, ended by its closing date (status still "open"): this one counts, scored now.
		const ended = addRound(a, {
			opensAt: now - 20 * day,
			status: 'open',
			closesAt: now - day,
			respondents: 5,
			value: 4
		});
		// Still open: no snapshot, not in the benchmark.
		const open = addRound(b, { opensAt: now - day, status: 'open', respondents: 5, value: 4 });
		// Finished but not released.
		addRound(c, { opensAt: now - 10 * day, released: false, respondents: 5, value: 4 });
		// Below the minimum of 3.
		addRound(d, { opensAt: now - 10 * day, respondents: 2, value: 4 });

		// A newer round that the school did not release: not represented by its older one.
		const e = school('11AE');
		addRound(e, { opensAt: now - 30 * day, respondents: 5, value: 4 });
		addRound(e, { opensAt: now - 3 * day, released: false, respondents: 5, value: 4 });

		const scores = latestReleasedScores(db, registry, { sector: 'po' });
		expect(scores).toEqual([
			expect.objectContaining({
				schoolId: a,
				swvId: swv.id,
				themes: expect.objectContaining({ 'visie-en-beleid': 100 })
			})
		]);
		const ids = db
			.select({ id: t.roundSnapshot.roundId })
			.from(t.roundSnapshot)
			.all()
			.map((x) => x.id);
		expect(ids).toContain(ended);
		expect(ids).not.toContain(open);
		expect(latestReleasedScores(db, registry, { sector: 'vo' })).toEqual([]);

		// The SWV's picture says why the others show no scores.
		const picture = swvSchoolPicture(db, registry, swv.id);
		const kind = (id: number) => picture.schools.find((s) => s.id === id)!.latest.kind;
		expect([kind(a), kind(b), kind(c), kind(d)]).toEqual([
			'scores',
			'geen',
			'niet-gedeeld',
			'te-weinig'
		]);
		expect(picture.trend.map((p) => p.themes['visie-en-beleid']).sort()).toEqual([0, 100, 100]);
	});

	it('scores a round again after its snapshot is dropped, only once enough new responses are in', () => {
		const { db, registry, school, addRound } = setup();
		const a = school('12AA');
		const id = addRound(a, { opensAt: now - 5 * day, respondents: 3, value: 1 });
		const round = db.select().from(t.round).all()[0]!;
		const theme = () => snapshotsOf(db, registry, [round]).get(id)!.themes['visie-en-beleid'];
		expect(theme()).toBe(0);
		// The three responses are part of a shown result now: locked.
		expect(
			db
				.select()
				.from(t.response)
				.all()
				.every((r) => r.lockedAt !== null)
		).toBe(true);
		const addSent = (k: number) => {
			const responseId = db
				.insert(t.response)
				.values({ roundId: id, tokenHash: `n${k}`, resumeHash: `m${k}`, submittedAt: new Date() })
				.returning()
				.get().id;
			db.insert(t.answer).values({ responseId, itemId: 'vb-gedeelde-visie', value: 4 }).run();
		};
		// Reopened, one more response, closed again (the snapshot was dropped): still the old figure,
		// or the difference would be that one response.
		addSent(1);
		dropSnapshot(db, id);
		expect(theme()).toBe(0);
		addSent(2);
		addSent(3);
		dropSnapshot(db, id);
		// Three new responses: 3 × 0 and 3 × 100 points, exactly 50.
		expect(theme()).toBe(50);
		expect(
			db
				.select()
				.from(t.roundRelease)
				.all()
				.map((r) => r.members.length)
		).toEqual([3, 6]);
	});
});
