import { join } from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupTally } from '../../src/lib/domain/scoring';
import {
	firstView,
	schoolReport,
	type SchoolReportInput
} from '../../src/lib/domain/school-report';
import { readCatalogFile, seedCatalog } from '../../src/lib/server/catalog/catalog';
import { migrateDatabase, openDatabase, type Db } from '../../src/lib/server/db/open';
import * as t from '../../src/lib/server/db/schema';
import { renderSchoolReport } from '../../src/lib/server/pdf/school-report';
import { loadQuestionnaires } from '../../src/lib/server/questionnaires/registry';
import { roundReportInput } from '../../src/lib/server/results/round-results';
import { seedDemo } from '../../src/lib/server/db/seed';
import {
	headingLevels,
	outlineTitles,
	pageFill,
	pageInk,
	pdfFonts,
	pdfInfo,
	pdfPages,
	savePdf
} from '../helpers/pdf';
import { tempDir } from '../helpers/tmp';

/**
 * The school PDF of a demo round, read back with poppler: text, pages, bookmarks, fonts,
 * metadata, tagging and ink on every page; and the disclosure rules.
 */
const registry = loadQuestionnaires('questionnaires');
let db: Db;
let input: SchoolReportInput;
let whole: GroupTally;

beforeAll(async () => {
	db = openDatabase(join(tempDir('spo-pdf-'), 'scan.db'));
	migrateDatabase(db);
	seedCatalog(db, readCatalogFile('questionnaires/catalogus.json', registry).items);
	await seedDemo(db, registry);
	const school = db.select().from(t.school).where(eq(t.school.instellingscode, '90AA')).get()!;
	const r = db
		.select()
		.from(t.round)
		.where(and(eq(t.round.schoolId, school.id), eq(t.round.title, 'Scan najaar 2026')))
		.get()!;
	input = roundReportInput(db, registry, r, true, '2026-11-23');
	// The round's sent answers as one tally, to make smaller rounds from.
	whole = { group: '', respondents: 0, items: {} };
	const sent = db
		.select({ id: t.response.id })
		.from(t.response)
		.where(and(eq(t.response.roundId, r.id), isNotNull(t.response.submittedAt)))
		.all();
	whole.respondents = sent.length;
	for (const a of db
		.select({ item: t.answer.itemId, value: t.answer.value })
		.from(t.answer)
		.innerJoin(t.response, eq(t.response.id, t.answer.responseId))
		.where(and(eq(t.response.roundId, r.id), isNotNull(t.response.submittedAt)))
		.all())
		(whole.items[a.item] ??= {})[a.value] = (whole.items[a.item]![a.value] ?? 0) + 1;
}, 60_000);

/** The round's answers scaled down to `n` respondents in one group: a smaller round. */
function withRespondents(n: number): SchoolReportInput {
	const all = whole;
	const scale = n / all.respondents;
	const items = Object.fromEntries(
		Object.entries(all.items).map(([id, dist]) => [
			id,
			Object.fromEntries(Object.entries(dist).map(([v, c]) => [v, Math.round(c * scale)]))
		])
	);
	return {
		...input,
		result: firstView(input.questionnaire, input.context, [{ group: '', respondents: n, items }], 3)
	};
}

/** The head of a table of answer counts per option. */
const DISTRIBUTION_HEADER = /Niet\s+Enigszins\s+Grotendeels\s+Volledig/;

/**
 * Each test renders a 25-page PDF and reads it back with poppler: about a second on a quiet
 * machine, up to seven on a loaded 2-core one. The budget says so; speed is measured in
 * bench/pdf.ts, not here.
 */
describe('the school PDF', { timeout: 30_000 }, () => {
	it('holds the cover, every section, bookmarks, page numbers and embedded fonts', async () => {
		const model = schoolReport(input);
		const pdf = await renderSchoolReport(model);
		const file = savePdf(pdf);
		const info = pdfInfo(file);
		const pages = pdfPages(file);
		expect(info.Title).toBe(
			'Scan Passend Onderwijs: OBS De Regenboog, Lindewaard, Scan najaar 2026'
		);
		expect(info.Author).toBe('OBS De Regenboog, Lindewaard');
		expect(info.Tagged).toBe('yes');
		expect(info['PDF version']).toBe('1.7');
		expect(pdf.toString('latin1')).toContain('/Lang (nl-NL)');
		expect(pdf.toString('latin1')).toContain('/DisplayDocTitle true');
		expect(Number(info.Pages)).toBe(pages.length);

		// Cover without header or number; every other page "Pagina k van N" and the header.
		expect(pages[0]).toContain('Rapport van de school');
		expect(pages[0]).toContain('Scan Passend Onderwijs voor scholen, versie 1');
		expect(pages[0]).toContain('23 november 2026');
		expect(pages[0]).not.toMatch(/Pagina \d+ van/);
		pages.slice(1).forEach((p, i) => {
			expect(p).toContain(`Pagina ${i + 2} van ${pages.length}`);
			expect(p).toContain(
				'Scan Passend Onderwijs · OBS De Regenboog, Lindewaard · Scan najaar 2026'
			);
		});

		// Every theme: its own page with the score line the results page shows.
		const all = pages.join('\n');
		for (const th of model.score.themes) {
			expect(all).toContain(
				`Score ${th.score} van 100: ${th.level?.name} (${th.level ? { 'gaat-goed': 'gaat goed', aandachtspunt: 'aandachtspunt', risico: 'risico' }[th.level.verdict] : ''})`
			);
		}
		expect(all).toContain(`Gemiddeld over alle thema's: ${model.score.overall.score} van 100`);
		expect(all).toMatch(DISTRIBUTION_HEADER);
		// No comments in the PDF, neither the team's nor the parents' (the seed has two).
		for (const c of Object.values(input.comments).flat()) expect(all).not.toContain(c);
		const parentComments = (input.companions ?? []).flatMap((c) =>
			Object.values(c.comments).flat()
		);
		expect(parentComments.length).toBeGreaterThan(0);
		for (const c of parentComments) expect(all.replace(/\s+/g, ' ')).not.toContain(c);

		const { hasOutlines, titles } = outlineTitles(pdf);
		expect(hasOutlines).toBe(true);
		expect(new Set(titles)).toEqual(
			new Set([
				'Samenvatting',
				'Uitkomsten per thema',
				...model.score.themes.map((th) => th.title),
				'Aan de slag: praktijkvoorbeelden en ondersteuning',
				'Actieplan',
				'Teksten voor het schoolondersteuningsprofiel',
				'Samenvatting voor de medezeggenschapsraad',
				'Bijlage: werkwijze',
				// The demo asked parents too, and enough of them answered.
				...model.companions.map((c) => `Wat ${c.label.toLowerCase()} zeggen`)
			])
		);
		expect(model.companions).toHaveLength(1);
		// A school's report speaks to the school: nothing of the SWV's ondersteuningsplan or OPR.
		const flat = all.replace(/\s+/g, ' ');
		expect(flat).toContain('De school staat hier op het niveau');
		expect(flat).toContain('Vragen die de MR kan stellen');
		expect(flat).not.toMatch(/ondersteuningsplanraad|Teksten voor het ondersteuningsplan|OPR/);
		// Themes twice: under the results and under the SOP.
		expect(titles).toHaveLength(7 + model.companions.length + 2 * model.score.themes.length);

		const fonts = pdfFonts(file);
		expect(fonts.length).toBeGreaterThan(0);
		expect(fonts.every((f) => f.embedded && f.name.includes('SourceSans3'))).toBe(true);

		// Every page rendered to PNG has ink on it.
		const ink = pageInk(file);
		expect(ink).toHaveLength(pages.length);
		for (const share of ink) expect(share).toBeGreaterThan(0.002);
	});

	it('has no near-empty pages, headings that do not skip a level, and apostrophes that copy out', async () => {
		const model = schoolReport(input);
		const file = savePdf(await renderSchoolReport(model));
		const pages = pdfPages(file);
		const fill = pageFill(file);
		expect(fill).toHaveLength(pages.length);
		// A page may end short where a new chapter starts on a fresh page, but none is nearly
		// empty: with one short SOP text per page, nine pages were 22-24% used; now each text
		// follows the one before, after the action plan on its page (demo round: 20 pages, the least-used about 60%).
		const nearEmpty = fill
			.map((f, i) => ({ page: i + 1, fill: Math.round(f * 100) }))
			.filter((p) => p.page > 1 && p.fill < 25);
		expect(nearEmpty, 'pages with less than a quarter of their height used').toEqual([]);
		const sop = pages.findIndex((p) => p.includes('Teksten voor het schoolondersteuningsprofiel'));
		const themesOnSopPage = model.sop.filter((t) =>
			pages
				.slice(sop, sop + 2)
				.join('')
				.includes(t.title)
		).length;
		expect(themesOnSopPage, 'SOP texts on its first two pages').toBeGreaterThanOrEqual(4);
		// Still complete: every SOP text is there.
		const flat = pages.join('\n').replace(/\s+/g, ' ');
		for (const t of model.sop) for (const p of t.paragraphs) expect(flat).toContain(p.slice(0, 60));

		// The tagged headings go down one level at a time (H1 → H2 → H3, never H1 → H3).
		const headings = headingLevels(file);
		expect(headings.filter((h) => h.level === 1).length).toBeGreaterThan(5);
		const skips = headings
			.map((h, i) => ({ ...h, before: headings[i - 1]?.level ?? 0 }))
			.filter((h) => h.level > h.before + 1)
			.map((h) => `H${h.before} → H${h.level} "${h.text}"`);
		expect(skips, 'headings that skip a level').toEqual([]);

		// A straight apostrophe copies out as one (not as a space).
		expect(flat).toContain("IB'er");
		expect(flat).toContain("thema's");
		expect(flat).not.toMatch(/IB er|thema s\b/);
	});

	it('keeps Dutch letters readable (ë, é, ï, ĳ)', async () => {
		const model = schoolReport({
			...input,
			school: { ...input.school!, name: 'Daltonschool Ëlla én Ĳsselmonde', place: 'Oïrschot' }
		});
		const file = savePdf(await renderSchoolReport(model));
		expect(pdfPages(file)[0]).toContain('Daltonschool Ëlla én Ĳsselmonde, Oïrschot');
	});

	it('links the recommendations to their offers', async () => {
		const model = schoolReport(input);
		const urls = model.recommendations.themes.flatMap((th) =>
			th.items.flatMap((i) => (i.item.url ? [i.item.url] : []))
		);
		expect(urls.length).toBeGreaterThan(0);
		const raw = (await renderSchoolReport(model)).toString('latin1');
		for (const url of urls) expect(raw).toContain(`/URI (${url})`);
	});

	it("says why, and puts the SWV's own offer first, marked, with its contact; never another SWV's", async () => {
		const file = savePdf(await renderSchoolReport(schoolReport(input)));
		const text = pdfPages(file).join('\n').replace(/\s+/g, ' ');
		expect(text).toContain(
			'Dit aanbod staat hier omdat Bekwaamheden en handelen van leraren nog in de verkenningsfase is (Verkennen).'
		);
		expect(text).toContain(
			'Aanbod van uw samenwerkingsverband Expertiseteam Lindewaard: meekijken in de klas'
		);
		expect(text).toContain('Contact: expertiseteam@lindewaard.example.');
		expect(text).toContain('altijd beschikbaar in deze app');
		expect(text).not.toContain('Loket VO Lindewaard');
		expect(text).not.toContain('Nog geen aanbod in de catalogus');
	});

	it('below the minimum says so and shows no scores', async () => {
		const model = schoolReport(withRespondents(2));
		expect(model.score.disclosure).toBe('hidden');
		const file = savePdf(await renderSchoolReport(model));
		const text = pdfPages(file).join('\n').replace(/\s+/g, ' ');
		expect(text).toContain(
			'Te weinig respondenten: de uitkomsten worden pas getoond vanaf 3 respondenten'
		);
		expect(text).not.toMatch(/Score \d+ van 100|van 100\)|Gemiddeld over alle/);
		expect(text).not.toContain('Teksten voor het schoolondersteuningsprofiel');
		for (const share of pageInk(file)) expect(share).toBeGreaterThan(0.002);
	});

	it("with 'means' disclosure shows means but no distributions", async () => {
		const model = schoolReport(withRespondents(4));
		expect(model.score.disclosure).toBe('means');
		const file = savePdf(await renderSchoolReport(model));
		const text = pdfPages(file).join('\n');
		expect(text).toContain('Bij minder dan 5 respondenten tonen we alleen gemiddelden');
		expect(text).toMatch(/Score \d+ van 100/);
		expect(text).not.toMatch(DISTRIBUTION_HEADER);
	});
});

describe("the SWV's own scan as a PDF", { timeout: 30_000 }, () => {
	it('speaks to the SWV: its ondersteuningsplan, its OPR and board; never a school, team or MR', async () => {
		const swv = db.select().from(t.swv).where(eq(t.swv.code, 'PO2799')).get()!;
		const r = db
			.select()
			.from(t.round)
			.where(and(eq(t.round.swvId, swv.id), eq(t.round.scope, 'swv')))
			.get()!;
		const model = schoolReport(roundReportInput(db, registry, r, true, '2026-11-23'));
		expect(model.audience).toBe('swv');
		const file = savePdf(await renderSchoolReport(model));
		const text = pdfPages(file).join('\n').replace(/\s+/g, ' ');
		expect(text).toContain('Rapport van de eigen scan');
		expect(text).toContain('Teksten voor het ondersteuningsplan');
		expect(text).toContain('Samenvatting voor de ondersteuningsplanraad en het toezicht');
		expect(text).toContain('Vragen die de OPR en het toezicht kunnen stellen');
		expect(text).toContain('Het samenwerkingsverband staat hier op het niveau');
		expect(text).toMatch(/beoordeelden \d+ respondenten van /);
		for (const schoolWords of [
			'schoolondersteuningsprofiel',
			'medezeggenschapsraad',
			'De school staat hier',
			'Wat gaat de school doen',
			'MR ',
			'teamleden',
			'teamlid',
			'uw school'
		])
			expect(text, schoolWords).not.toContain(schoolWords);
		const { titles } = outlineTitles(await renderSchoolReport(model));
		expect(titles).toContain('Teksten voor het ondersteuningsplan');
		expect(titles).not.toContain('Teksten voor het schoolondersteuningsprofiel');
	});
});
