import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/open';
import * as t from '$lib/server/db/schema';
import { disclosedRound } from '$lib/server/results/disclosure';
import { loadQuestionnaires } from '$lib/server/questionnaires/registry';
import { saveAnswer, saveComment } from '$lib/server/respondent/answers';
import { roundReportInput } from '$lib/server/results/round-results';
import { snapshotsOf } from '$lib/server/results/snapshots';
import { swvSchoolPicture } from '$lib/server/swv/picture';
import { schoolReport } from '$lib/domain/school-report';
import { databaseWithOpenRound } from '../helpers/open-round';
import { tempDir } from '../helpers/tmp';

/**
 * The disclosure model on a real SQLite file: only sent responses count on every output (the
 * report model behind the page and the PDF, its comments, the snapshot the SWV and benchmarks read,
 * the SWV's picture); an open round shows participation only; what was shown is recorded and its
 * responses are locked.
 */
const registry = loadQuestionnaires('questionnaires');
const q = registry.get('school-scan', 1)!;

function setup() {
	const file = join(tempDir(), 'scan.db');
	const { items } = databaseWithOpenRound(file);
	const db = openDatabase(file);
	const round = () => db.select().from(t.round).get()!;
	const school = db.select().from(t.school).get()!;
	let n = 0;
	const respond = (value: number, sent: boolean, comment?: string) => {
		const r = db
			.insert(t.response)
			.values({
				roundId: round().id,
				tokenHash: `t${++n}`,
				resumeHash: `r${n}`,
				respondentGroup: 'leraar',
				submittedAt: sent ? new Date() : null
			})
			.returning()
			.get();
		for (const item of items)
			db.insert(t.answer).values({ responseId: r.id, itemId: item, value }).run();
		if (comment)
			db.insert(t.themeComment)
				.values({ responseId: r.id, themeId: 'visie-en-beleid', text: comment })
				.run();
		return r;
	};
	return { db, items, round, school, respond };
}

describe('only sent responses count', () => {
	it('on the report model, its comments, the snapshot and the SWV picture', () => {
		const { db, round, respond } = setup();
		respond(4, true, 'Verstuurd en zichtbaar.');
		respond(4, true);
		respond(4, true);
		respond(1, false, 'Nooit verstuurd: mag nergens staan.');
		respond(1, false);

		// Open: participation only, whatever was sent.
		const open = disclosedRound(db, registry, round());
		expect(open.state).toBe('open');
		expect(open.score).toMatchObject({ respondents: 3, disclosure: 'hidden', themes: [] });

		db.update(t.round)
			.set({ status: 'closed', closedAt: new Date(), releasedAt: new Date() })
			.run();
		const model = schoolReport(roundReportInput(db, registry, round(), true));
		expect(model.score.respondents).toBe(3);
		// Three times "volledig" and nothing of the two unsent "niet": every theme 100.
		expect(model.score.themes.every((th) => th.score === 100)).toBe(true);
		expect(model.comments['visie-en-beleid']).toEqual(['Verstuurd en zichtbaar.']);
		expect(JSON.stringify(model)).not.toContain('Nooit verstuurd');

		const snap = snapshotsOf(db, registry, [round()]).get(round().id)!;
		expect(snap).toMatchObject({ respondents: 3, disclosure: 'means' });
		expect(Object.values(snap.themes).every((s) => s === 100)).toBe(true);
		const picture = swvSchoolPicture(db, registry, round().swvId);
		expect(picture.schools[0]!.latest).toMatchObject({ kind: 'scores', respondents: 3 });
	});

	it('shows nothing below the minimum of sent responses, however many began', () => {
		const { db, round, respond } = setup();
		respond(4, true);
		respond(4, true);
		for (let k = 0; k < 5; k++) respond(3, false);
		db.update(t.round).set({ status: 'closed', closedAt: new Date() }).run();
		const shown = disclosedRound(db, registry, round());
		expect(shown).toMatchObject({ state: 'too-few', score: { respondents: 2, needed: 1 } });
		expect(db.select().from(t.roundRelease).all()).toEqual([]);
	});
});

describe('a shown result', () => {
	it('is recorded, locks its responses, and is shown again until the minimum of new ones is in', async () => {
		const { db, items, round, school, respond } = setup();
		const first = [respond(4, true), respond(4, true), respond(4, true)];
		db.update(t.round).set({ status: 'closed', closedAt: new Date() }).run();
		expect(disclosedRound(db, registry, round())).toMatchObject({
			state: 'shown',
			score: { respondents: 3 },
			pending: null
		});
		const releases = db.select().from(t.roundRelease).all();
		expect(releases.map((r) => r.members.map(([id]) => id))).toEqual([first.map((r) => r.id)]);

		// Reopened: a respondent whose answers were shown cannot change them.
		db.update(t.round).set({ status: 'open', closedAt: null }).run();
		const session = {
			db,
			round: round(),
			school,
			unitName: school.name,
			q,
			context: 'po' as const,
			open: true,
			response: first[0]!
		};
		const refused = await saveAnswer(session, first[0]!.id, items[0]!, 1);
		expect(refused).toMatchObject({ ok: false });
		expect(saveComment(session, first[0]!.id, 'visie-en-beleid', 'Later')).toMatchObject({
			ok: false
		});
		const stored = db.select().from(t.answer).where(eq(t.answer.responseId, first[0]!.id)).all();
		expect(stored.every((a) => a.value === 4)).toBe(true);

		// One new sent response, closed again: the same figures, with what is waiting.
		respond(1, true);
		db.update(t.round).set({ status: 'closed', closedAt: new Date() }).run();
		const held = disclosedRound(db, registry, round());
		expect(held).toMatchObject({
			state: 'shown',
			score: { respondents: 3 },
			pending: { newSince: 1, needed: 2 }
		});
		// The report model (page and PDF) says the same.
		const model = schoolReport(roundReportInput(db, registry, round(), true));
		expect(model.score.respondents).toBe(3);
		expect(model.pending).toEqual({ newSince: 1, needed: 2 });
		expect(db.select().from(t.roundRelease).all()).toHaveLength(1);
	});
});

describe('results shown before the disclosure model', () => {
	it('are recorded by the migration with their unsent responses, so a later result cannot single one out', () => {
		const { db, round, respond } = setup();
		for (let k = 0; k < 4; k++) respond(4, true);
		const unsent = respond(1, false);
		db.update(t.round).set({ status: 'closed', closedAt: new Date() }).run();
		// What the old scoring had shown: everyone with an answer, five respondents.
		db.insert(t.roundSnapshot)
			.values({ roundId: round().id, respondents: 5, disclosure: 'full', themes: {}, items: {} })
			.run();
		const statements = readFileSync('drizzle/0005_disclosure_releases.sql', 'utf8')
			.split('--> statement-breakpoint')
			.map((x) => x.replace(/^\s*--.*$/gm, '').trim())
			.filter((x) => /^(INSERT|UPDATE|DELETE)/.test(x));
		expect(statements).toHaveLength(3);
		for (const sql of statements) db.$client.exec(sql);
		const [release] = db.select().from(t.roundRelease).all();
		expect(release!.members.map(([id]) => id)).toContain(unsent.id);
		expect(
			db
				.select()
				.from(t.response)
				.all()
				.every((r) => r.lockedAt !== null)
		).toBe(true);

		// The same five are shown again (not "4", which would give the unsent answer by subtraction),
		// also once one more response is sent.
		expect(disclosedRound(db, registry, round()).score.respondents).toBe(5);
		respond(2, true);
		const again = disclosedRound(db, registry, round());
		expect(again).toMatchObject({ state: 'shown', score: { respondents: 5 } });
		expect(db.select().from(t.roundRelease).all()).toHaveLength(1);
	});
});
