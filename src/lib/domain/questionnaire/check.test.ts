import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	checkQuestionnaireDir,
	listQuestionnaireFiles,
	readQuestionnaireFile
} from '../../server/questionnaires/files';
import { checkQuestionnaireFiles, canonicalContent } from './check';
import { questionnaireJsonSchema } from './json-schema';
import { themesFor } from './model';
import type { Questionnaire } from './schema';

const FIXTURES = 'tests/fixtures/questionnaires';

/** One file `v1.json`, or (for mistakes between files) one folder per questionnaire. */
function problemsIn(folder: string): string[] {
	const nested = readdirSync(folder, { withFileTypes: true }).some((e) => e.isDirectory());
	const paths = nested
		? listQuestionnaireFiles(folder)
		: readdirSync(folder)
				.sort()
				.map((name) => join(folder, name));
	return checkQuestionnaireFiles(paths.map(readQuestionnaireFile)).flatMap((c) => c.problems);
}

describe('malformed questionnaire files', () => {
	// Each fixture folder holds one mistake a content editor could make; the message must name the
	// file and the JSON path and say in Dutch what is wrong, exactly as written here.
	const cases: [string, string[]][] = [
		[
			'band-begint-niet-bij-nul',
			['v1.json: levels[0].from: de eerste band moet bij 0 beginnen, niet bij 5']
		],
		[
			'band-eindigt-niet-bij-100',
			['v1.json: levels[3].to: de laatste band moet bij 100 eindigen, niet bij 99']
		],
		[
			'band-gat',
			[
				'v1.json: levels[2].from: gat tussen de banden: levels[1] eindigt bij 50, deze begint bij 55'
			]
		],
		[
			'band-overlap',
			[
				'v1.json: levels[2].from: overlap tussen de banden: levels[1] eindigt bij 60, deze begint bij 50'
			]
		],
		[
			'bovengrens-onder-ondergrens',
			[
				'v1.json: levels[3].to: bovengrens 70 ligt niet boven ondergrens 75',
				'v1.json: levels[3].to: de laatste band moet bij 100 eindigen, niet bij 70'
			]
		],
		[
			'dubbele-item-id',
			['v1.json: themes[1].items[0].id: dubbele id "visie-gedeeld" (ook bij themes[0].items[0].id)']
		],
		['id-niet-kebab', ['v1.json: themes[0].id: id moet kebab-case zijn (a-z, 0-9 en -)']],
		[
			'item-schooltype-buiten-thema',
			[
				'v1.json: themes[1].items[1].appliesTo[1]: schooltype "vso" hoort niet bij het thema "ondersteuning"'
			]
		],
		[
			'onbekend-schooltype',
			[
				'v1.json: themes[1].appliesTo[1]: onbekend schooltype "basis" (kies uit po, sbo, so, vso, vo)'
			]
		],
		['onbekend-veld', ['v1.json: themes[0].items[0].vraag: onbekend veld']],
		['onbekende-schaal', ['v1.json: themes[1].items[0].scale: onbekende schaal "freq5"']],
		[
			'ongeldige-json',
			['v1.json: ongeldige JSON op regel 1, kolom 41: Expected double-quoted property name']
		],
		['ontbrekend-veld', ['v1.json: title: ontbreekt']],
		[
			'ouder-minimum-te-laag',
			[
				'ouders/v1.json: companion.minRespondents: minstens 5: deze groep is groot en hoort anoniem te blijven'
			]
		],
		[
			'ouder-naast-onbekende-lijst',
			['v1.json: companion.of: vragenlijst "bestaat-niet" bestaat niet']
		],
		[
			'ouder-naast-swv-lijst',
			[
				'ouders/v1.json: companion.of: "swv" is geen vragenlijst voor schoolteams; alleen naast een schoolronde kan een andere groep meedoen'
			]
		],
		[
			'ouder-uitnodiging-zonder-link',
			['ouders/v1.json: companion.invitation: moet {link} bevatten']
		],
		[
			'ouder-zonder-companion',
			[
				'v1.json: companion: ontbreekt: een vragenlijst voor "ouder" loopt naast een teamronde en noemt die met companion.of'
			]
		],
		[
			'ouder-zonder-gedeeld-thema',
			[
				'ouders/v1.json: themes: geen enkel thema heeft de id van een thema uit "team", dus niets kan naast de uitkomsten van het team staan'
			]
		],
		[
			'swv-met-schooltypen',
			['v1.json: themes[1].appliesTo: een SWV-vragenlijst kent geen schooltypen']
		],
		[
			'team-met-companion',
			[
				'v1.json: companion: een vragenlijst voor "school" loopt zelfstandig en kent geen "companion"'
			]
		],
		['thema-leeg-voor-schooltype', ['v1.json: themes[1]: geen stellingen voor schooltype "vo"']],
		[
			'twee-keer-weet-ik-niet',
			['v1.json: scales[0].options: meer dan één optie is "weet ik niet"']
		],
		[
			'v2-hernoemt-onbekend-item',
			['v2.json: supersedes.renamed.visie-zichtbar: "visie-zichtbar" staat niet in versie 1']
		],
		[
			'v2-laat-vallen-wat-er-nog-staat',
			['v2.json: supersedes.dropped[0]: "os-rollen" staat nog in deze versie']
		],
		[
			'v2-zonder-supersedes',
			[
				'v2.json: supersedes: ontbreekt: vanaf versie 2 is een koppeling met de vorige versie verplicht'
			]
		],
		['versie-past-niet', ['v1.json: version: 3 past niet bij de bestandsnaam v1']],
		[
			'verkeerd-type',
			['v1.json: levels[1].from: verwacht een getal, niet de tekst "vijfentwintig"']
		],
		[
			'bom',
			[
				'v1.json: ongeldige JSON op regel 1, kolom 1: het bestand begint met een BOM (byte order mark); sla het op als UTF-8 zonder BOM'
			]
		],
		[
			'visible-if-onbereikbaar',
			[
				'v1.json: themes[1].items[2].visibleIf.item: wordt nooit getoond voor schooltype "po": "os-aanbod-so" geldt daar niet'
			]
		],
		[
			'visible-if-vooruit',
			[
				'v1.json: themes[0].items[0].visibleIf.item: verwijst naar "visie-zichtbaar", dat niet eerder in de vragenlijst staat'
			]
		],
		[
			'visible-if-waarde',
			[
				'v1.json: themes[0].items[1].visibleIf.in[1]: waarde 7 staat niet op de schaal "eens4" van "visie-gedeeld"'
			]
		]
	];

	it('covers every fixture folder', () => {
		expect(cases.map(([name]) => name).sort()).toEqual(readdirSync(FIXTURES).sort());
		expect(cases.length).toBeGreaterThanOrEqual(15);
	});

	it.each(cases)('%s', (name, expected) => {
		expect(problemsIn(join(FIXTURES, name))).toEqual(
			expected.map((line) => `${FIXTURES}/${name}/${line}`)
		);
	});
});

describe('the committed questionnaires', () => {
	const checked = checkQuestionnaireDir('questionnaires');
	const get = (id: string) => checked.find((c) => c.questionnaire?.id === id)?.questionnaire;

	it('load without problems', () => {
		expect(checked.flatMap((c) => c.problems)).toEqual([]);
		expect(checked.map((c) => c.path).sort()).toEqual([
			'questionnaires/ouder-scan/v1.json',
			'questionnaires/school-scan/v1.json',
			'questionnaires/swv-scan/v1.json',
			'questionnaires/swv-scan/v2.json'
		]);
	});

	it('swv-scan v2 asks what v1 asked and describes its levels for an SWV, not a school', () => {
		const [v1, v2] = [1, 2].map(
			(v) => checked.find((c) => c.path === `questionnaires/swv-scan/v${v}.json`)!.questionnaire!
		);
		const statements = (q: typeof v1) => q!.themes.flatMap((t) => t.items);
		expect(statements(v2)).toEqual(statements(v1));
		expect(v2!.levels.map((l) => [l.id, l.from, l.to])).toEqual(
			v1!.levels.map((l) => [l.id, l.from, l.to])
		);
		expect(v1!.levels.filter((l) => /school/.test(l.description))).toHaveLength(2);
		expect(v2!.levels.filter((l) => /school/.test(l.description))).toEqual([]);
	});

	it('school-scan v1 has 9 themes and 56 statements, per school type as in the brief', () => {
		const q = get('school-scan')!;
		expect(q.themes).toHaveLength(9);
		expect(q.themes.flatMap((t) => t.items)).toHaveLength(56);
		const perType = (type: 'po' | 'sbo' | 'so' | 'vso' | 'vo') =>
			themesFor(q, type).reduce((n, v) => n + v.items.length, 0);
		expect({
			po: perType('po'),
			sbo: perType('sbo'),
			so: perType('so'),
			vso: perType('vso'),
			vo: perType('vo')
		}).toEqual({ po: 52, sbo: 53, so: 51, vso: 52, vo: 53 });
	});

	it('swv-scan v1 has 7 themes of 4 statements', () => {
		const q = get('swv-scan')!;
		expect(q.audience).toBe('swv');
		expect(q.themes.map((t) => t.items.length)).toEqual([4, 4, 4, 4, 4, 4, 4]);
	});

	it('ouder-scan v1 runs beside the school scan: 19 statements in themes that share its ids', () => {
		const parents = get('ouder-scan')!;
		const team = get('school-scan')!;
		expect(parents.audience).toBe('ouder');
		expect(parents.companion).toMatchObject({ of: 'school-scan', minRespondents: 5 });
		expect(parents.themes.flatMap((t) => t.items)).toHaveLength(19);
		const teamThemes = new Set(team.themes.map((t) => t.id));
		expect(parents.themes.map((t) => t.id).filter((id) => !teamThemes.has(id))).toEqual([]);
		expect(parents.themes.map((t) => t.id)).toEqual(
			expect.arrayContaining([
				'positie-ouders',
				'positie-leerling',
				'ondersteuningsstructuur',
				'zicht-op-ontwikkeling',
				'samenwerking-partners'
			])
		);
		// The scale is the team's, so that the scores are on the same footing.
		expect(parents.scales).toEqual(team.scales);
		expect(parents.levels.map((l) => [l.id, l.from, l.to])).toEqual(
			team.levels.map((l) => [l.id, l.from, l.to])
		);
		const teamItems = new Set(team.themes.flatMap((t) => t.items.map((i) => i.id)));
		expect(
			parents.themes.flatMap((t) => t.items.map((i) => i.id)).filter((id) => teamItems.has(id))
		).toEqual([]);
	});

	it('ouder-scan v1 speaks plain Dutch: short sentences, jargon only with a word of explanation', () => {
		const q = get('ouder-scan')!;
		const texts = [
			q.title,
			q.description,
			q.respondentGroupQuestion!,
			...q.respondentGroups!.map((g) => g.label),
			q.companion!.privacy,
			q.companion!.invitation,
			...q.levels.map((l) => l.description),
			...q.themes.flatMap((t) => [
				t.title,
				t.intro,
				...(t.comment ? [t.comment.label] : []),
				...t.items.flatMap((i) => [i.text, i.help ?? ''])
			])
		];
		const sentences = texts.flatMap((t) => t.split(/(?<=[.?!:])\s+/)).filter(Boolean);
		const long = sentences.filter((s) => s.split(/\s+/).length > 20);
		expect(long).toEqual([]);
		for (const text of texts) {
			expect(text).not.toMatch(/\bSWV\b|arrangement|basisondersteuning|zorgplicht|TLV/i);
			if (/\bOPP\b/.test(text)) expect(text).toMatch(/ontwikkelingsperspectief/);
			if (/handelingsdeel/.test(text)) expect(text).toMatch(/hulp die uw kind krijgt/);
			if (/onderwijsconsulent/.test(text)) expect(text).toMatch(/onafhankelijke adviseur/);
		}
		// "samenwerkingsverband" appears only where it is explained.
		const swv = texts.filter((t) => /samenwerkingsverband/.test(t));
		expect(swv.length).toBeGreaterThan(0);
		for (const t of swv) expect(t).toMatch(/de scholen in uw regio samen/);
		// The privacy text names what is stored, who sees what, and from how many.
		expect(q.companion!.privacy).toMatch(/anoniem/);
		expect(q.companion!.privacy).toContain('{minimum}');
		expect(q.companion!.privacy).toMatch(/alleen de mensen die de scan op school regelen/);
	});

	it('name the committed JSON Schema, which is up to date with the zod schema', () => {
		for (const c of checked) {
			expect(JSON.parse(readFileSync(c.path, 'utf8')).$schema).toBe('../schema.json');
		}
		// When this fails: run `npm run questionnaires:schema` and commit questionnaires/schema.json.
		expect(readFileSync('questionnaires/schema.json', 'utf8')).toBe(questionnaireJsonSchema());
	});
});

describe('a questionnaire for parents beside a team questionnaire', () => {
	it('is accepted, with one theme shared with the team and one of its own', () => {
		const checked = checkQuestionnaireDir('tests/fixtures/valid/met-ouders');
		expect(checked.flatMap((c) => c.problems)).toEqual([]);
		const parents = checked.find((c) => c.questionnaire?.id === 'ouders')!.questionnaire!;
		expect(parents.companion?.of).toBe('team');
		expect(parents.respondentGroupQuestion).toBe('Krijgt uw kind extra hulp?');
	});
});

describe('a v2 that renames one item', () => {
	it('is accepted beside its v1 and maps the old id to the new one', () => {
		const files = ['v1.json', 'v2.json'].map((f) =>
			readQuestionnaireFile(join('tests/fixtures/valid/mini', f))
		);
		const [v1, v2] = checkQuestionnaireFiles(files);
		expect(v1!.problems).toEqual([]);
		expect(v2!.problems).toEqual([]);
		expect(v2!.questionnaire!.supersedes).toEqual({
			version: 1,
			renamed: { 'visie-zichtbaar': 'visie-in-praktijk' }
		});
	});

	it('is refused on its own, because the version it supersedes is missing', () => {
		const v2 = readQuestionnaireFile('tests/fixtures/valid/mini/v2.json');
		expect(checkQuestionnaireFiles([v2])[0]!.problems).toEqual([
			'tests/fixtures/valid/mini/v2.json: supersedes.version: versie 1 van "mini" bestaat niet'
		]);
	});
});

describe('canonical content', () => {
	it('ignores formatting, key order and $schema, but not a changed word', () => {
		const text = readFileSync('tests/fixtures/valid/mini/v1.json', 'utf8');
		const q = JSON.parse(text) as Questionnaire;
		const reordered = Object.fromEntries(Object.entries(q).reverse()) as Questionnaire;
		expect(canonicalContent({ ...reordered, $schema: '../schema.json' })).toBe(canonicalContent(q));
		const edited = structuredClone(q);
		edited.themes[0]!.items[0]!.text = 'We delen een visie op passend onderwijs.';
		expect(canonicalContent(edited)).not.toBe(canonicalContent(q));
	});
});
