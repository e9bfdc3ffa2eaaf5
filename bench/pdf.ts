/**
 * The school PDF of a round with 40 respondents who answered every statement (52 at a po
 * school), in three groups, with an action plan, recommendations and other schools to compare
 * with: the time to assemble the report model and render it (the first call in the process,
 * which reads the fonts, and the median of 20 runs after a warm-up), and the file's size.
 * Budget (issue 8): under 300 ms.
 */
import { performance } from 'node:perf_hooks';
import { themesFor } from '../src/lib/domain/questionnaire/model';
import { firstView, schoolReport, type SchoolReportInput } from '../src/lib/domain/school-report';
import type { GroupTally } from '../src/lib/domain/scoring';
import { readCatalogFile } from '../src/lib/server/catalog/catalog';
import { renderSchoolReport } from '../src/lib/server/pdf/school-report';
import { loadQuestionnaires } from '../src/lib/server/questionnaires/registry';

const registry = loadQuestionnaires('questionnaires');
const q = registry.get('school-scan', 1)!;
const items = themesFor(q, 'po').flatMap((t) => t.items.map((i) => i.id));
const groups = ['leraar', 'ib-zorgcoordinator', 'schoolleiding'];
const tallies: GroupTally[] = groups.map((group) => ({ group, respondents: 0, items: {} }));
for (let r = 0; r < 40; r++) {
	const g = tallies[r % 3]!;
	g.respondents++;
	items.forEach((item, k) => {
		const v = (r * 7 + k * 3) % 5;
		(g.items[item] ??= {})[v] = (g.items[item]![v] ?? 0) + 1;
	});
}
const themeIds = q.themes.map((t) => t.id);
const others = Array.from({ length: 10 }, (_, s) =>
	Object.fromEntries(themeIds.map((id, k) => [id, (s * 13 + k * 17) % 100]))
);
const input: SchoolReportInput = {
	round: {
		id: 1,
		title: 'Scan najaar 2026',
		status: 'closed',
		opensAt: '2026-10-26T08:00:00.000Z',
		closesAt: null,
		closedAt: '2026-11-13T15:00:00.000Z',
		minRespondents: 3
	},
	questionnaire: q,
	context: 'po',
	school: { id: 1, name: 'OBS De Regenboog', place: 'Lindewaard' },
	swv: { id: 1, code: 'PO2799', name: 'Samenwerkingsverband Lindewaard' },
	result: firstView(q, 'po', tallies, 3),
	catalog: readCatalogFile('questionnaires/catalogus.json', registry).items,
	today: '2026-11-23',
	plan: themeIds.slice(0, 3).map((themeId, k) => ({
		id: k + 1,
		themeId,
		action: `Actie ${k + 1}: studiedag en afspraken vastleggen`,
		owner: 'intern begeleider',
		dueOn: '2027-03-01',
		status: 'planned' as const
	})),
	previous: null,
	benchmarks: { swv: others, sameType: others.slice(0, 7) },
	comments: {}
};

const once = async () => {
	const start = performance.now();
	const pdf = await renderSchoolReport(schoolReport(input));
	return { ms: performance.now() - start, bytes: pdf.length };
};
const first = await once();
for (let i = 0; i < 3; i++) await once();
const runs: number[] = [];
let bytes = 0;
for (let i = 0; i < 20; i++) {
	const r = await once();
	runs.push(r.ms);
	bytes = r.bytes;
}
runs.sort((a, b) => a - b);
const median = (runs[9]! + runs[10]!) / 2;
console.log('\nSchool-PDF (40 respondenten, 52 stellingen, model + pdfkit, in het proces)');
console.log(
	`  median of 20 runs after warm-up                ${median.toFixed(0)} ms   ${median < 300 ? 'ok (< 300 ms)' : 'TE TRAAG'}`
);
console.log(
	`  fastest / slowest                              ${runs[0]!.toFixed(0)} / ${runs.at(-1)!.toFixed(0)} ms`
);
console.log(`  first call in the process (reads the fonts)    ${first.ms.toFixed(0)} ms`);
console.log(`  file size                                      ${(bytes / 1024).toFixed(0)} KB`);
