import { z } from 'zod';
import { SCHOOL_TYPES, type SchoolType } from '../school-type';
import { questionnaireSchema, type Questionnaire } from './schema';

/**
 * Checks questionnaire files: first the shape (zod), then what needs the whole file (unique ids,
 * references, level bands, school types per theme), then what needs several files (file name
 * against id and version, the mapping to the previous version). Every problem is one line:
 * `questionnaires/school-scan/v2.json: themes[3].items[2].scale: onbekende schaal "freq5"`.
 */

export interface QuestionnaireFile {
	/** Path as the user should read it, relative to the project: `questionnaires/x/v1.json`. */
	path: string;
	text: string;
}

export interface CheckedFile {
	path: string;
	questionnaire?: Questionnaire;
	problems: string[];
}

type Path = readonly (string | number | symbol)[];

export function formatPath(path: Path): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out;
}

function line(file: string, path: Path, message: string): string {
	const where = formatPath(path);
	return where ? `${file}: ${where}: ${message}` : `${file}: ${message}`;
}

const dutch = z.locales.nl().localeError;

const EXPECTED: Record<string, string> = {
	number: 'een getal',
	int: 'een geheel getal',
	string: 'tekst (tussen aanhalingstekens)',
	boolean: 'true of false',
	array: 'een lijst [ … ]',
	object: 'een object { … }'
};

function found(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'een lijst';
	if (typeof input === 'string') return `de tekst ${JSON.stringify(input).slice(0, 40)}`;
	if (typeof input === 'object') return 'een object';
	return String(input);
}

function shapeProblems(file: string, error: z.ZodError): string[] {
	return error.issues.flatMap((issue) => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => line(file, [...issue.path, key], 'onbekend veld'));
		}
		if (issue.code === 'invalid_type' && issue.input === undefined) {
			return [line(file, issue.path, 'ontbreekt')];
		}
		if (issue.code === 'invalid_type') {
			const expected = EXPECTED[issue.expected] ?? issue.expected;
			return [line(file, issue.path, `verwacht ${expected}, niet ${found(issue.input)}`)];
		}
		return [line(file, issue.path, issue.message)];
	});
}

/** The school types a theme claims (all of them when it names none). */
export function themeSchoolTypes(theme: Questionnaire['themes'][number]): readonly SchoolType[] {
	return theme.appliesTo ?? SCHOOL_TYPES;
}

/** Checks that need the whole (well-shaped) file. Paths are JSON paths into the file. */
export function crossCheck(q: Questionnaire): { path: Path; message: string }[] {
	const out: { path: Path; message: string }[] = [];
	const add = (path: Path, message: string) => out.push({ path, message });

	if (q.audience === 'school' || q.audience === 'swv') {
		if (q.companion) {
			add(
				['companion'],
				`een vragenlijst voor "${q.audience}" loopt zelfstandig en kent geen "companion"`
			);
		}
	} else if (!q.companion) {
		add(
			['companion'],
			`ontbreekt: een vragenlijst voor "${q.audience}" loopt naast een teamronde en noemt die met companion.of`
		);
	}
	if (q.respondentGroupQuestion && !q.respondentGroups?.length) {
		add(['respondentGroupQuestion'], 'staat er zonder respondentGroups');
	}

	const seen = new Map<string, string>();
	const unique = (kind: string, value: string, path: Path) => {
		const key = `${kind}:${value}`;
		const earlier = seen.get(key);
		if (earlier) add(path, `dubbele ${kind} "${value}" (ook bij ${earlier})`);
		else seen.set(key, formatPath(path));
	};

	const scales = new Map<string, Questionnaire['scales'][number]>();
	q.scales.forEach((scale, s) => {
		unique('schaal-id', scale.id, ['scales', s, 'id']);
		scales.set(scale.id, scale);
		const values = new Set<number>();
		scale.options.forEach((option, o) => {
			if (values.has(option.value)) {
				add(['scales', s, 'options', o, 'value'], `dubbele waarde ${option.value} in de schaal`);
			}
			values.add(option.value);
		});
		const dontKnow = scale.options.filter((o) => o.dontKnow).length;
		if (dontKnow > 1) add(['scales', s, 'options'], 'meer dan één optie is "weet ik niet"');
		if (scale.options.length - dontKnow < 2) {
			add(['scales', s, 'options'], 'een schaal heeft minstens twee gescoorde opties');
		}
	});

	(q.respondentGroups ?? []).forEach((group, g) =>
		unique('groep-id', group.id, ['respondentGroups', g, 'id'])
	);
	q.levels.forEach((level, l) => unique('niveau-id', level.id, ['levels', l, 'id']));

	// Level bands: sorted as written, from 0 to 100, each starting where the previous ended.
	q.levels.forEach((level, l) => {
		if (level.to <= level.from) {
			add(['levels', l, 'to'], `bovengrens ${level.to} ligt niet boven ondergrens ${level.from}`);
		}
		if (l === 0 && level.from !== 0) {
			add(['levels', l, 'from'], `de eerste band moet bij 0 beginnen, niet bij ${level.from}`);
		}
		const previous = q.levels[l - 1];
		if (previous && level.from !== previous.to) {
			const kind = level.from > previous.to ? 'gat' : 'overlap';
			add(
				['levels', l, 'from'],
				`${kind} tussen de banden: levels[${l - 1}] eindigt bij ${previous.to}, deze begint bij ${level.from}`
			);
		}
	});
	const last = q.levels.at(-1);
	if (last && last.to !== 100) {
		add(
			['levels', q.levels.length - 1, 'to'],
			`de laatste band moet bij 100 eindigen, niet bij ${last.to}`
		);
	}

	// Items: ids unique across the whole file (themes and items share one namespace, as results
	// are stored by id), scales known, visibleIf pointing backwards to a value on that scale.
	const earlierItems = new Map<string, Questionnaire['themes'][number]['items'][number]>();
	const itemTypes = new Map<string, readonly SchoolType[]>();
	q.themes.forEach((theme, t) => {
		unique('id', theme.id, ['themes', t, 'id']);
		const themeTypes = themeSchoolTypes(theme);
		theme.items.forEach((item, i) => {
			const at = ['themes', t, 'items', i] as const;
			unique('id', item.id, [...at, 'id']);
			if (!scales.has(item.scale)) add([...at, 'scale'], `onbekende schaal "${item.scale}"`);
			item.appliesTo?.forEach((type, k) => {
				if (!themeTypes.includes(type)) {
					add(
						[...at, 'appliesTo', k],
						`schooltype "${type}" hoort niet bij het thema "${theme.id}"`
					);
				}
			});
			if (item.visibleIf) {
				const target = earlierItems.get(item.visibleIf.item);
				if (!target) {
					add(
						[...at, 'visibleIf', 'item'],
						`verwijst naar "${item.visibleIf.item}", dat niet eerder in de vragenlijst staat`
					);
				} else {
					const unreachable =
						q.audience !== 'swv'
							? (item.appliesTo ?? themeTypes).filter(
									(type) => !itemTypes.get(target.id)?.includes(type)
								)
							: [];
					if (unreachable.length) {
						add(
							[...at, 'visibleIf', 'item'],
							`wordt nooit getoond voor schooltype ${unreachable.map((t) => `"${t}"`).join(', ')}: "${target.id}" geldt daar niet`
						);
					}
					const scale = scales.get(target.scale);
					item.visibleIf.in.forEach((value, v) => {
						if (scale && !scale.options.some((o) => o.value === value)) {
							add(
								[...at, 'visibleIf', 'in', v],
								`waarde ${value} staat niet op de schaal "${scale.id}" van "${target.id}"`
							);
						}
					});
				}
			}
			earlierItems.set(item.id, item);
			itemTypes.set(item.id, item.appliesTo ?? themeTypes);
		});
		if (q.audience !== 'swv') {
			for (const type of themeTypes) {
				if (!theme.items.some((item) => (item.appliesTo ?? themeTypes).includes(type))) {
					add(['themes', t], `geen stellingen voor schooltype "${type}"`);
				}
			}
		} else if (theme.appliesTo || theme.items.some((item) => item.appliesTo)) {
			add(['themes', t, 'appliesTo'], 'een SWV-vragenlijst kent geen schooltypen');
		}
	});

	if (q.version > 1 && !q.supersedes) {
		add(
			['supersedes'],
			'ontbreekt: vanaf versie 2 is een koppeling met de vorige versie verplicht'
		);
	}
	if (q.supersedes) {
		if (q.supersedes.version >= q.version) {
			add(['supersedes', 'version'], `moet lager zijn dan de eigen versie ${q.version}`);
		}
		for (const [from, to] of Object.entries(q.supersedes.renamed ?? {})) {
			if (!earlierItems.has(to)) {
				add(['supersedes', 'renamed', from], `nieuwe id "${to}" staat niet in deze versie`);
			}
		}
		q.supersedes.dropped?.forEach((dropped, d) => {
			if (earlierItems.has(dropped)) {
				add(['supersedes', 'dropped', d], `"${dropped}" staat nog in deze versie`);
			}
		});
	}
	return out;
}

/** "ongeldige JSON op regel 3, kolom 7: …", so that an editor can jump to the spot. */
function jsonErrorMessage(text: string, error: unknown): string {
	if (text.startsWith('\uFEFF'))
		return 'ongeldige JSON op regel 1, kolom 1: het bestand begint met een BOM (byte order mark); sla het op als UTF-8 zonder BOM';
	const message = error instanceof Error ? error.message : String(error);
	const position = /at position (\d+)/.exec(message);
	const reason = message
		.replace(/ in JSON at position \d+.*$/s, '')
		.replace(/ \(line \d+ column \d+\)$/, '');
	if (!position) return `ongeldige JSON: ${reason}`;
	const before = text.slice(0, Number(position[1]));
	const lineNo = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return `ongeldige JSON op regel ${lineNo}, kolom ${column}: ${reason}`;
}

/** Parses and checks one file on its own. */
export function checkQuestionnaireFile(file: QuestionnaireFile): CheckedFile {
	let data: unknown;
	try {
		data = JSON.parse(file.text);
	} catch (e) {
		return { path: file.path, problems: [`${file.path}: ${jsonErrorMessage(file.text, e)}`] };
	}
	// reportInput: without it zod leaves `input` out of every issue, and a value of the wrong
	// type would read as a missing one.
	const parsed = questionnaireSchema.safeParse(data, { error: dutch, reportInput: true });
	if (!parsed.success) return { path: file.path, problems: shapeProblems(file.path, parsed.error) };
	const problems = crossCheck(parsed.data).map((p) => line(file.path, p.path, p.message));

	const match = /(?:^|\/)([^/]+)\/v(\d+)\.json$/.exec(file.path);
	if (!match) {
		problems.push(`${file.path}: bestandsnaam moet <vragenlijst-id>/v<versie>.json zijn`);
	} else {
		if (match[1] !== parsed.data.id) {
			problems.push(
				line(file.path, ['id'], `"${parsed.data.id}" past niet bij de map "${match[1]}"`)
			);
		}
		if (Number(match[2]) !== parsed.data.version) {
			problems.push(
				line(
					file.path,
					['version'],
					`${parsed.data.version} past niet bij de bestandsnaam v${match[2]}`
				)
			);
		}
	}
	return problems.length
		? { path: file.path, problems }
		: { path: file.path, questionnaire: parsed.data, problems };
}

/**
 * Checks a set of files together: each on its own, then each v2+ against the version it
 * supersedes (which must be in the set) and the item ids it renames or drops.
 */
export function checkQuestionnaireFiles(files: QuestionnaireFile[]): CheckedFile[] {
	const checked = files.map(checkQuestionnaireFile);
	const byKey = new Map<string, Questionnaire>();
	for (const c of checked)
		if (c.questionnaire) byKey.set(versionKey(c.questionnaire), c.questionnaire);

	for (const c of checked) {
		const q = c.questionnaire;
		if (!q?.supersedes) continue;
		const previous = byKey.get(`${q.id}@${q.supersedes.version}`);
		if (!previous) {
			c.problems.push(
				line(
					c.path,
					['supersedes', 'version'],
					`versie ${q.supersedes.version} van "${q.id}" bestaat niet`
				)
			);
			continue;
		}
		const previousIds = new Set(previous.themes.flatMap((t) => t.items.map((i) => i.id)));
		for (const from of Object.keys(q.supersedes.renamed ?? {})) {
			if (!previousIds.has(from)) {
				c.problems.push(
					line(
						c.path,
						['supersedes', 'renamed', from],
						`"${from}" staat niet in versie ${previous.version}`
					)
				);
			}
		}
		q.supersedes.dropped?.forEach((dropped, d) => {
			if (!previousIds.has(dropped)) {
				c.problems.push(
					line(
						c.path,
						['supersedes', 'dropped', d],
						`"${dropped}" staat niet in versie ${previous.version}`
					)
				);
			}
		});
	}
	for (const c of checked) {
		const q = c.questionnaire;
		if (!q?.companion) continue;
		const team = [...byKey.values()].filter((other) => other.id === q.companion!.of);
		if (!team.length) {
			c.problems.push(
				line(c.path, ['companion', 'of'], `vragenlijst "${q.companion.of}" bestaat niet`)
			);
			continue;
		}
		if (team.some((t) => t.audience !== 'school')) {
			c.problems.push(
				line(
					c.path,
					['companion', 'of'],
					`"${q.companion.of}" is geen vragenlijst voor schoolteams; alleen naast een schoolronde kan een andere groep meedoen`
				)
			);
			continue;
		}
		const teamThemes = new Set(team.flatMap((t) => t.themes.map((theme) => theme.id)));
		if (!q.themes.some((theme) => teamThemes.has(theme.id))) {
			c.problems.push(
				line(
					c.path,
					['themes'],
					`geen enkel thema heeft de id van een thema uit "${q.companion.of}", dus niets kan naast de uitkomsten van het team staan`
				)
			);
		}
	}
	for (const c of checked) if (c.problems.length) delete c.questionnaire;
	return checked;
}

export function versionKey(q: Pick<Questionnaire, 'id' | 'version'>): string {
	return `${q.id}@${q.version}`;
}

/**
 * The content that a published version pins: the parsed file without `$schema`, with its keys
 * in a fixed order, so that reformatting a file is no change but any edit of substance is.
 */
export function canonicalContent(q: Questionnaire): string {
	const sort = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(sort);
		if (value && typeof value === 'object') {
			return Object.fromEntries(
				Object.entries(value)
					.filter(([key, v]) => key !== '$schema' && v !== undefined)
					.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
					.map(([key, v]) => [key, sort(v)])
			);
		}
		return value;
	};
	return JSON.stringify(sort(q));
}
