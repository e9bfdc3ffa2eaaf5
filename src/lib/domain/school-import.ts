import { SCHOOL_TYPES, type SchoolType } from './school-type';

/**
 * Import of schools from a CSV in the shape of DUO's open data. Nothing is thrown: every line that
 * cannot be imported is reported with its line number and the reasons in Dutch, so an admin can fix
 * the file and upload it again.
 */

export interface ImportRow {
	line: number;
	instellingscode: string;
	vestiging: string;
	name: string;
	place: string;
	swvCode: string;
	schoolType: SchoolType;
}

/** `line` is the 1-based line number in the file; the header is line 1. */
export interface ImportProblem {
	line: number;
	message: string;
}

export interface ImportResult {
	rows: ImportRow[];
	problems: ImportProblem[];
}

const MAX_DATA_LINES = 5000;
const MAX_FIELD_LENGTH = 1000;
const MAX_TEXT_LENGTH = 200;

type Column = 'instellingscode' | 'vestiging' | 'name' | 'place' | 'swv' | 'schoolType';

const LABELS: Record<Column, string> = {
	instellingscode: 'instellingscode',
	vestiging: 'vestiging',
	name: 'naam',
	place: 'plaats',
	swv: 'SWV-code',
	schoolType: 'schooltype'
};
const COLUMN_NAMES = Object.keys(LABELS) as Column[];
const REQUIRED = COLUMN_NAMES.filter((column) => column !== 'vestiging');

// In order of preference: DUO files can hold both VESTIGINGSNAAM and INSTELLINGSNAAM (or PLAATSNAAM
// and VESTIGINGSPLAATS), and the first one listed is the one that describes the vestiging.
const ALIASES: Record<Column, string[]> = {
	instellingscode: ['INSTELLINGSCODE', 'BRIN NUMMER', 'BRINNUMMER', 'BRIN'],
	vestiging: ['VESTIGINGSCODE', 'VESTIGINGSNUMMER', 'VESTIGING'],
	name: ['VESTIGINGSNAAM', 'INSTELLINGSNAAM', 'NAAM'],
	place: ['PLAATSNAAM', 'PLAATS', 'VESTIGINGSPLAATS'],
	swv: ['SWV', 'SWV CODE', 'SAMENWERKINGSVERBAND', 'ADMINISTRATIENUMMER SWV'],
	schoolType: ['SOORT PO', 'ONDERWIJSSOORT', 'SCHOOLTYPE', 'TYPE']
};

// A Map rather than an object literal, so a value like "constructor" cannot hit the prototype.
const SCHOOL_TYPE_NAMES = new Map<string, SchoolType>([
	...SCHOOL_TYPES.map((type): [string, SchoolType] => [type, type]),
	['bo', 'po'],
	['basisonderwijs', 'po'],
	['bao', 'po'],
	['speciaal basisonderwijs', 'sbo'],
	['speciaal onderwijs', 'so'],
	['voortgezet speciaal onderwijs', 'vso'],
	['voortgezet onderwijs', 'vo']
]);

const SWV_CODE = /^(PO|VO)[\s.-]?(\d{2})[\s.-]?(\d{2})$/i;

/** 'PO 27-01', 'PO-27-01', 'PO2701', 'po 27.01' → 'PO2701'; anything else → null. */
export function normalizeSwvCode(input: string): string | null {
	const match = SWV_CODE.exec(input.trim());
	return match ? `${match[1]?.toUpperCase()}${match[2]}${match[3]}` : null;
}

/** 'PO2701' → 'PO 27-01', the way DUO writes it; an invalid code is returned unchanged. */
export function formatSwvCode(code: string): string {
	const normalized = normalizeSwvCode(code);
	if (!normalized) return code;
	return `${normalized.slice(0, 2)} ${normalized.slice(2, 4)}-${normalized.slice(4)}`;
}

/** One line into fields. Quoted fields cannot span lines: DUO files never need that. */
function splitLine(line: string, delimiter: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const char = line.charAt(i);
		if (quoted) {
			if (char !== '"') field += char;
			else if (line.charAt(i + 1) === '"') field += line.charAt(++i);
			else quoted = false;
		} else if (char === '"' && field.trim() === '') {
			quoted = true;
			field = '';
		} else if (char === delimiter) {
			fields.push(field);
			field = '';
		} else field += char;
	}
	fields.push(field);
	return fields;
}

const normalizeName = (value: string) => value.trim().replace(/\s+/g, ' ');

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

/** DUO writes '00', '1' or the full vestigingscode ('06RU00'); all mean the same two digits. */
function parseVestiging(value: string, instellingscode: string): string | null {
	const upper = value.toUpperCase();
	if (upper === '') return '00';
	if (/^\d{1,2}$/.test(upper)) return upper.padStart(2, '0');
	if (/^[0-9A-Z]{4}\d{2}$/.test(upper) && upper.slice(0, 4) === instellingscode) {
		return upper.slice(4);
	}
	return null;
}

function rejectFile(line: number, message: string): ImportResult {
	return { rows: [], problems: [{ line, message }] };
}

/** `knownSwvCodes` holds normalized codes ('PO2701'). */
export function parseSchoolCsv(text: string, knownSwvCodes: ReadonlySet<string>): ImportResult {
	const lines = text
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\r|\n/)
		.map((content, i) => ({ line: i + 1, content }))
		.filter(({ content }) => content.trim() !== '');
	// Without any header line every column is missing, which is the message that fits.
	const [header = { line: 1, content: '' }, ...body] = lines;
	const delimiter = count(header.content, ',') > count(header.content, ';') ? ',' : ';';
	const headings = splitLine(header.content, delimiter).map((h) => normalizeName(h).toUpperCase());
	const index = {} as Record<Column, number>;
	for (const column of COLUMN_NAMES) {
		const alias = ALIASES[column].find((a) => headings.includes(a));
		index[column] = alias === undefined ? -1 : headings.indexOf(alias);
	}
	const missing = REQUIRED.filter((column) => index[column] < 0);
	if (missing.length) {
		const names = missing.map((column) => LABELS[column]).join(', ');
		return rejectFile(header.line, `ontbrekende kolom(men): ${names}`);
	}

	// Lines of only delimiters are what spreadsheets write for empty rows.
	const records = body
		.map(({ line, content }) => ({ line, fields: splitLine(content, delimiter) }))
		.filter(({ fields }) => fields.some((field) => field.trim() !== ''));
	if (records.length > MAX_DATA_LINES) {
		return rejectFile(1, `het bestand heeft meer dan ${MAX_DATA_LINES} regels`);
	}
	const oversized = records.find(({ fields }) => fields.some((f) => f.length > MAX_FIELD_LENGTH));
	if (oversized) {
		return rejectFile(oversized.line, `een veld is langer dan ${MAX_FIELD_LENGTH} tekens`);
	}

	const rows: ImportRow[] = [];
	const problems: ImportProblem[] = [];
	const seen = new Map<string, number>();
	for (const { line, fields } of records) {
		if (fields.length !== headings.length) {
			problems.push({
				line,
				message: `verwacht ${headings.length} velden, gevonden ${fields.length}`
			});
			continue;
		}
		const found: { column: number; message: string }[] = [];
		const report = (column: Column, message: string) =>
			found.push({ column: index[column], message });
		const get = (column: Column) => (index[column] < 0 ? '' : (fields[index[column]] ?? '').trim());

		const instellingscode = get('instellingscode').toUpperCase();
		const codeValid = /^[0-9A-Z]{4}$/.test(instellingscode);
		if (!codeValid) {
			const value = get('instellingscode');
			report('instellingscode', `instellingscode "${value}" moet uit 4 letters of cijfers bestaan`);
		}
		const vestiging = parseVestiging(get('vestiging'), instellingscode);
		if (vestiging === null) {
			report('vestiging', `vestiging "${get('vestiging')}" is geen geldig vestigingsnummer`);
		}
		for (const column of ['name', 'place'] as const) {
			const label = LABELS[column];
			if (get(column) === '') report(column, `${label} ontbreekt`);
			else if (get(column).length > MAX_TEXT_LENGTH) {
				report(column, `${label} is langer dan ${MAX_TEXT_LENGTH} tekens`);
			}
		}
		const swvCode = normalizeSwvCode(get('swv'));
		if (!swvCode) {
			report('swv', `SWV-code "${get('swv')}" is ongeldig (verwacht bijvoorbeeld PO 27-01)`);
		} else if (!knownSwvCodes.has(swvCode)) {
			report('swv', `onbekend samenwerkingsverband "${formatSwvCode(swvCode)}"`);
		}
		const schoolType = SCHOOL_TYPE_NAMES.get(normalizeName(get('schoolType')).toLowerCase());
		if (!schoolType) {
			const value = get('schoolType');
			report('schoolType', `onbekend schooltype "${value}" (kies uit ${SCHOOL_TYPES.join(', ')})`);
		}
		// Registered even when the line has other problems, so a duplicate shows up now rather than
		// only after the other problems are fixed.
		if (codeValid && vestiging !== null) {
			const key = `${instellingscode}${vestiging}`;
			const first = seen.get(key);
			if (first === undefined) seen.set(key, line);
			else {
				found.push({
					column: headings.length,
					message: `dubbel: dezelfde school staat ook op regel ${first}`
				});
			}
		}

		found.sort((a, b) => a.column - b.column);
		if (found.length === 0 && vestiging !== null && swvCode && schoolType) {
			const [name, place] = [get('name'), get('place')];
			rows.push({ line, instellingscode, vestiging, name, place, swvCode, schoolType });
		} else problems.push(...found.map(({ message }) => ({ line, message })));
	}
	return { rows, problems };
}
