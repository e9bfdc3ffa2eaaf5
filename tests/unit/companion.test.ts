import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as t from '$lib/server/db/schema';
import { readFileSync } from 'node:fs';
import {
	contentHash,
	loadQuestionnaires,
	QuestionnaireRegistry
} from '$lib/server/questionnaires/registry';
import { questionnaireSchema } from '$lib/domain/questionnaire/schema';
import { openSchoolRound } from '$lib/server/schools/page';
import {
	closeRound,
	deleteRound,
	extendRound,
	renewShareLink,
	reopenRound,
	roundOverview
} from '$lib/server/rounds/manage';
import { companionRounds } from '$lib/server/rounds/companion';
import { roundResults } from '$lib/server/results/round-results';
import { shareWithSwv, stopSharing } from '$lib/server/results/sharing';
import { themesFor } from '$lib/domain/questionnaire/model';
import type { RoundRow } from '$lib/server/auth/access';
import { dbWithSwv } from '../helpers/db';
import { swvSchoolView } from '$lib/server/swv/school-view';
import { swvExportTables } from '$lib/server/swv/export';
import { pdfPages, savePdf } from '../helpers/pdf';
import { roundReportInput } from '$lib/server/results/round-results';
import { renderSchoolReport } from '$lib/server/pdf/school-report';
import { schoolReport } from '$lib/domain/school-report';

/**
 * A parents' (companion) round on a real SQLite file: it opens with its team round, follows its
 * lifecycle in one transaction, and its figures show only by its own disclosure; its comments
 * only for the school's coordinators.
 */
// The app's questionnaires with the small fixture beside them (the checker wants its team
// questionnaire in the same folder, so it is added here).
const fixturePath = 'tests/fixtures/companion/ouder-test/v1.json';
const fixture = questionnaireSchema.parse(JSON.parse(readFileSync(fixturePath, 'utf8')));
const registry = new QuestionnaireRegistry([
	...loadQuestionnaires('questionnaires').loaded.filter((l) => !l.questionnaire.companion),
	{ path: fixturePath, questionnaire: fixture, hash: contentHash(fixture) }
]);

function setup() {
	const { db, school, person } = dbWithSwv();
	const s = school('11AA');
	const me = person('coordinator@school.nl', [{ schoolId: s.id }]);
	const teamId = openSchoolRound(
		db,
		registry,
		s,
		{
			version: 1,
			title: 'Scan najaar',
			closesAt: null,
			minRespondents: 3,
			askGroups: true,
			companion: 'ouder-test',
			companionMinRespondents: 5
		},
		me.id
	);
	const row = (id: number) => db.select().from(t.round).where(eq(t.round.id, id)).get()!;
	const team = () => row(teamId);
	const parents = () => companionRounds(db, teamId)[0]!;
	let n = 0;
	const respond = (roundId: number, items: string[], value: number, comment?: [string, string]) => {
		const r = db
			.insert(t.response)
			.values({ roundId, tokenHash: `t${++n}`, resumeHash: `r${n}`, submittedAt: new Date() })
			.returning()
			.get();
		for (const itemId of items)
			db.insert(t.answer).values({ responseId: r.id, itemId, value }).run();
		if (comment)
			db.insert(t.themeComment)
				.values({ responseId: r.id, themeId: comment[0], text: comment[1] })
				.run();
	};
	const teamItems = themesFor(registry.get('school-scan', 1)!, 'po').flatMap((v) =>
		v.items.map((i) => i.id)
	);
	const parentItems = registry
		.get('ouder-test', 1)!
		.themes.flatMap((x) => x.items.map((i) => i.id));
	return { db, me, team, parents, respond, teamItems, parentItems };
}

describe('a round with parents', () => {
	it('opens a second round with its own link, minimum and questionnaire', () => {
		const { db, team, parents } = setup();
		const p = parents();
		expect(p).toMatchObject({
			companionOfRoundId: team().id,
			questionnaireId: 'ouder-test',
			minRespondents: 5,
			status: 'open',
			schoolId: team().schoolId
		});
		expect(p.shareToken).not.toBe(team().shareToken);
		const o = roundOverview(db, registry, team(), 'geen-account', 'https://scan.example');
		expect(o.companions).toHaveLength(1);
		expect(o.companions[0]!.link).toBe(`https://scan.example/s/${p.shareToken}`);
		expect(o.companions[0]!.invitation).toContain(`https://scan.example/s/${p.shareToken}`);
		expect(o.companions[0]!.invitation).toContain('School 11AA');
	});

	it('closes, reopens, extends, shares and stops sharing with its team round', () => {
		const { db, me, team, parents, respond, teamItems } = setup();
		for (let i = 0; i < 3; i++) respond(team().id, teamItems, 3);
		expect(closeRound(db, registry, me.id, team()).ok).toBe(true);
		expect(parents().status).toBe('closed');
		expect(parents().closedAt).toEqual(team().closedAt);
		expect(reopenRound(db, me.id, team()).ok).toBe(true);
		expect(parents().status).toBe('open');
		const later = new Date(Date.now() + 10 * 86_400_000);
		expect(extendRound(db, me.id, team(), later).ok).toBe(true);
		expect(parents().closesAt).toEqual(later);
		expect(closeRound(db, registry, me.id, team()).ok).toBe(true);
		expect(shareWithSwv(db, me.id, team(), null, true).ok).toBe(true);
		expect(parents().releasedAt).toEqual(team().releasedAt);
		expect(parents().everReleased).toBe(true);
		expect(stopSharing(db, me.id, team()).ok).toBe(true);
		expect(parents().releasedAt).toBeNull();
	});

	it('goes when its team round is deleted', () => {
		const { db, me, team, parents } = setup();
		const id = parents().id;
		deleteRound(db, me.id, team());
		expect(db.select().from(t.round).where(eq(t.round.id, id)).get()).toBeUndefined();
	});
});

describe('disclosure of the parents’ figures', () => {
	it('no results for anyone while the round is open', () => {
		const { db, team, respond, parentItems, teamItems } = setup();
		for (let i = 0; i < 6; i++) respond(companionRounds(db, team().id)[0]!.id, parentItems, 4);
		for (let i = 0; i < 3; i++) respond(team().id, teamItems, 3);
		const c = roundResults(db, registry, team(), true).companions[0]!;
		expect(c).toMatchObject({ state: 'open', shown: false, themes: [], sideBySide: null });
		expect(c.respondents).toBe(6);
	});

	it('below the parents’ minimum: nothing about parents anywhere, the team shown', () => {
		const { db, me, team, parents, respond, parentItems, teamItems } = setup();
		for (let i = 0; i < 4; i++)
			respond(parents().id, parentItems, 4, ['contact-thuis', `Geheim ${i}`]);
		for (let i = 0; i < 3; i++) respond(team().id, teamItems, 3);
		closeRound(db, registry, me.id, team());
		const page = roundResults(db, registry, team(), true);
		expect(page.score.disclosure).not.toBe('hidden');
		const c = page.companions[0]!;
		expect(c).toMatchObject({ state: 'too-few', shown: false, themes: [], comments: {} });
		const json = JSON.stringify(page);
		expect(json).not.toContain('Geheim');
		expect(json).not.toContain('De school luistert naar mij');
		// Its snapshot (what SWV pages and exports read) holds no theme score either.
		const snap = db
			.select()
			.from(t.roundSnapshot)
			.where(eq(t.roundSnapshot.roundId, parents().id))
			.get();
		expect(snap?.themes ?? {}).toEqual({});
	});

	it('from the minimum: side by side, comments for the coordinators only', () => {
		const { db, me, team, parents, respond, parentItems, teamItems } = setup();
		for (let i = 0; i < 5; i++)
			respond(parents().id, parentItems, 2, ['contact-thuis', `Opmerking ${i}`]);
		for (let i = 0; i < 3; i++) respond(team().id, teamItems, 4);
		closeRound(db, registry, me.id, team());
		const c = roundResults(db, registry, team(), true).companions[0]!;
		expect(c.shown).toBe(true);
		expect(c.sideBySide!.mapped.map((m) => [m.themeId, m.team, m.companion])).toEqual([
			['ondersteuningsstructuur', 100, 33],
			['positie-ouders', 100, 33]
		]);
		expect(c.comments['contact-thuis']).toHaveLength(5);
		const teamLink = roundResults(db, registry, team(), false);
		expect(JSON.stringify(teamLink)).not.toContain('Opmerking');
		expect(teamLink.companions[0]!.shown).toBe(true);
	});

	it('team hidden but parents shown, and the other way round', () => {
		const { db, me, team, parents, respond, parentItems, teamItems } = setup();
		for (let i = 0; i < 5; i++) respond(parents().id, parentItems, 3);
		for (let i = 0; i < 2; i++) respond(team().id, teamItems, 3);
		closeRound(db, registry, me.id, team());
		const page = roundResults(db, registry, team(), true);
		expect(page.score.disclosure).toBe('hidden');
		expect(page.companions[0]!.sideBySide!.mapped.map((m) => [m.team, m.companion])).toEqual([
			[null, 67],
			[null, 67]
		]);
	});
});

describe('the school PDF', { timeout: 30_000 }, () => {
	const pdfText = async (db: Parameters<typeof roundReportInput>[0], r: RoundRow) =>
		pdfPages(
			savePdf(await renderSchoolReport(schoolReport(roundReportInput(db, registry, r, false))))
		)
			.join('\n')
			.replace(/\s+/g, ' ');

	it('has "Wat ouders zeggen" with the side-by-side scores and statements, never a comment', async () => {
		const { db, me, team, parents, respond, parentItems, teamItems } = setup();
		for (let i = 0; i < 5; i++)
			respond(parents().id, parentItems, 2, ['contact-thuis', `Opmerking ${i}`]);
		for (let i = 0; i < 3; i++) respond(team().id, teamItems, 4);
		closeRound(db, registry, me.id, team());
		const text = await pdfText(db, team());
		expect(text).toContain('Wat ouders zeggen');
		expect(text).toMatch(/Positie van ouders 100 33/);
		expect(text).toContain('De school luistert naar mij als ouder.');
		expect(text).not.toContain('Opmerking');
	});

	it('has no parents section below their minimum', async () => {
		const { db, me, team, parents, respond, parentItems, teamItems } = setup();
		for (let i = 0; i < 4; i++) respond(parents().id, parentItems, 2);
		for (let i = 0; i < 3; i++) respond(team().id, teamItems, 4);
		closeRound(db, registry, me.id, team());
		const text = await pdfText(db, team());
		expect(text).not.toContain('Wat ouders zeggen');
		expect(text).not.toContain('De school luistert naar mij');
	});
});

describe('what the SWV sees of the parents', () => {
	function shared(parentsSent: number) {
		const x = setup();
		for (let i = 0; i < parentsSent; i++)
			x.respond(x.parents().id, x.parentItems, 2, ['contact-thuis', `Opmerking ${i}`]);
		for (let i = 0; i < 3; i++) x.respond(x.team().id, x.teamItems, 4);
		closeRound(x.db, registry, x.me.id, x.team());
		expect(shareWithSwv(x.db, x.me.id, x.team(), null, true).ok).toBe(true);
		const s = x.db.select().from(t.school).get()!;
		const swvRow = x.db.select().from(t.swv).get()!;
		return { ...x, s, swvRow };
	}

	it('theme scores beside the team’s, never statements or comments', () => {
		const { db, s, team } = shared(5);
		const view = swvSchoolView(db, registry, s, team().id);
		const c = view.selected!.companions[0]!;
		expect(c).toMatchObject({ label: 'Ouders', respondents: 5, hidden: false });
		expect(c.mapped.map((m) => [m.themeId, m.team, m.companion])).toEqual([
			['ondersteuningsstructuur', 100, 33],
			['positie-ouders', 100, 33]
		]);
		const json = JSON.stringify(view);
		expect(json).not.toContain('Opmerking');
		expect(json).not.toContain('De school luistert naar mij');
	});

	it('below the parents’ minimum: how many sent, no score', () => {
		const { db, s, team } = shared(4);
		const c = swvSchoolView(db, registry, s, team().id).selected!.companions[0]!;
		expect(c).toMatchObject({ respondents: 4, hidden: true, mapped: [], own: [] });
	});

	it('the export has the parents’ columns, with the reason under "Opmerking"', () => {
		const shown = shared(5);
		const [themes] = swvExportTables(shown.db, registry, shown.swvRow, null);
		const header = themes!.columns.map((c) => c.header);
		expect(header.slice(-3)).toEqual([
			'Ouders: respondenten',
			'Ouders: score (0-100)',
			'Opmerking'
		]);
		const row = (id: string) => themes!.rows.find((r) => r.includes(id))!;
		expect(row('positie-ouders').slice(-3)).toEqual([5, 33, null]);
		expect(row('visie-en-beleid').slice(-3)).toEqual([5, null, null]);
		const hidden = shared(4);
		const [t2] = swvExportTables(hidden.db, registry, hidden.swvRow, null);
		expect(t2!.rows.find((r) => r.includes('positie-ouders'))!.slice(-3)).toEqual([
			4,
			null,
			'ouders: te weinig verstuurd (4, minimum 5)'
		]);
		expect(JSON.stringify(t2)).not.toContain('Opmerking 0');
	});
});

describe('a new answer link', () => {
	it('is the team’s alone: the parents keep theirs', () => {
		const { db, me, team, parents } = setup();
		const before = parents().shareToken;
		const teamBefore = team().shareToken;
		expect(renewShareLink(db, me.id, team()).ok).toBe(true);
		expect(team().shareToken).not.toBe(teamBefore);
		expect(parents().shareToken).toBe(before);
	});
});
