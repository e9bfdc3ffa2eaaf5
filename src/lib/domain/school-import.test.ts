import { describe, expect, it } from 'vitest';
import { formatSwvCode, normalizeSwvCode, parseSchoolCsv } from './school-import';

const KNOWN = new Set(['PO2701', 'PO2702', 'VO2701']);

/** Lines joined with LF; the header carries an extra column the import ignores, as DUO's does. */
function csv(...lines: string[]): string {
	return lines.join('\n');
}

const DUO_HEADER =
	'PROVINCIE;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;SWV;SOORT PO';

/** A DUO-like file with one line to check; returns the messages for that line (line 2). */
function problemsOf(line: string): string[] {
	const result = parseSchoolCsv(csv(DUO_HEADER, line), KNOWN);
	expect(result.problems.every((p) => p.line === 2)).toBe(true);
	return result.problems.map((p) => p.message);
}

describe('parseSchoolCsv', () => {
	it('reads a DUO file with ; and quoted names that contain ; and ""', () => {
		const result = parseSchoolCsv(
			csv(
				DUO_HEADER,
				'Utrecht;06RU;00;"De Regenboog; locatie Noord";Utrecht;PO 27-01;Basisonderwijs',
				'Utrecht;06RU;01;"Het ""Kompas""";De Bilt;po2701;bo',
				'Utrecht;12ab;3;  Speciaal  ;Zeist;PO-27-02;SBO',
				'Utrecht;30XY;30XY02;"Vso De Brug";Utrecht;po 27.02;Voortgezet speciaal onderwijs',
				'Utrecht;40ZZ;;College;Utrecht;VO 27-01;vo'
			),
			KNOWN
		);
		expect(result.problems).toEqual([]);
		expect(result.rows).toEqual([
			{
				line: 2,
				instellingscode: '06RU',
				vestiging: '00',
				name: 'De Regenboog; locatie Noord',
				place: 'Utrecht',
				swvCode: 'PO2701',
				schoolType: 'po'
			},
			{
				line: 3,
				instellingscode: '06RU',
				vestiging: '01',
				name: 'Het "Kompas"',
				place: 'De Bilt',
				swvCode: 'PO2701',
				schoolType: 'po'
			},
			{
				line: 4,
				instellingscode: '12AB',
				vestiging: '03',
				name: 'Speciaal',
				place: 'Zeist',
				swvCode: 'PO2702',
				schoolType: 'sbo'
			},
			{
				line: 5,
				instellingscode: '30XY',
				vestiging: '02',
				name: 'Vso De Brug',
				place: 'Utrecht',
				swvCode: 'PO2702',
				schoolType: 'vso'
			},
			{
				line: 6,
				instellingscode: '40ZZ',
				vestiging: '00',
				name: 'College',
				place: 'Utrecht',
				swvCode: 'VO2701',
				schoolType: 'vo'
			}
		]);
	});

	it('reads a comma file with aliases, lower-case headers and no vestiging column', () => {
		const result = parseSchoolCsv(
			csv(
				' brin ,Naam,Plaats,SWV code,Type',
				'06RU,"Regenboog, de",Utrecht,PO 27-01,speciaal onderwijs'
			),
			KNOWN
		);
		expect(result).toEqual({
			rows: [
				{
					line: 2,
					instellingscode: '06RU',
					vestiging: '00',
					name: 'Regenboog, de',
					place: 'Utrecht',
					swvCode: 'PO2701',
					schoolType: 'so'
				}
			],
			problems: []
		});
	});

	it('prefers the vestiging columns when DUO also gives the instelling', () => {
		const result = parseSchoolCsv(
			csv(
				'INSTELLINGSNAAM;BRIN NUMMER;VESTIGINGSNAAM;VESTIGINGSPLAATS;PLAATSNAAM;SWV;SOORT PO',
				'Stichting Primair;06RU;De Regenboog;Zeist;Utrecht;PO 27-01;po'
			),
			KNOWN
		);
		expect(result.rows.map((r) => [r.name, r.place])).toEqual([['De Regenboog', 'Utrecht']]);
	});

	it('strips a BOM, handles CRLF and skips empty lines with the right line numbers', () => {
		const text =
			'\uFEFFINSTELLINGSCODE;NAAM;PLAATS;SWV;SCHOOLTYPE\r\n' +
			'\r\n' +
			'06RU;Regenboog;Utrecht;PO 27-01;po\r\n' +
			';;;;\r\n' +
			'   \r\n' +
			'0000;Kompas;Utrecht;PO 99-99;po\r\n';
		const result = parseSchoolCsv(text, KNOWN);
		expect(result.rows).toEqual([
			{
				line: 3,
				instellingscode: '06RU',
				vestiging: '00',
				name: 'Regenboog',
				place: 'Utrecht',
				swvCode: 'PO2701',
				schoolType: 'po'
			}
		]);
		expect(result.problems).toEqual([
			{ line: 6, message: 'onbekend samenwerkingsverband "PO 99-99"' }
		]);
	});

	it('reports missing required columns on line 1 and imports nothing', () => {
		expect(parseSchoolCsv(csv('BRIN;VESTIGING;NAAM', '06RU;00;Regenboog'), KNOWN)).toEqual({
			rows: [],
			problems: [{ line: 1, message: 'ontbrekende kolom(men): plaats, SWV-code, schooltype' }]
		});
		expect(parseSchoolCsv('', KNOWN)).toEqual({
			rows: [],
			problems: [
				{
					line: 1,
					message: 'ontbrekende kolom(men): instellingscode, naam, plaats, SWV-code, schooltype'
				}
			]
		});
	});

	it('reports a wrong number of fields', () => {
		expect(problemsOf('Utrecht;06RU;00;Regenboog;Utrecht;PO 27-01')).toEqual([
			'verwacht 7 velden, gevonden 6'
		]);
		expect(problemsOf('Utrecht;06RU;00;Regenboog; de;Utrecht;PO 27-01;po')).toEqual([
			'verwacht 7 velden, gevonden 8'
		]);
	});

	it('reports an invalid instellingscode', () => {
		expect(problemsOf('Utrecht;06R;00;Regenboog;Utrecht;PO 27-01;po')).toEqual([
			'instellingscode "06R" moet uit 4 letters of cijfers bestaan'
		]);
		expect(problemsOf('Utrecht; 06-RU ;;Regenboog;Utrecht;PO 27-01;po')).toEqual([
			'instellingscode "06-RU" moet uit 4 letters of cijfers bestaan'
		]);
	});

	it('accepts vestiging as empty, one or two digits, or the full vestigingscode', () => {
		const vestigingOf = (value: string) =>
			parseSchoolCsv(csv(DUO_HEADER, `U;06ru;${value};R;U;PO 27-01;po`), KNOWN).rows[0]?.vestiging;
		expect(vestigingOf('')).toBe('00');
		expect(vestigingOf('0')).toBe('00');
		expect(vestigingOf('1')).toBe('01');
		expect(vestigingOf('12')).toBe('12');
		expect(vestigingOf('06RU00')).toBe('00');
		expect(vestigingOf('06ru07')).toBe('07');
	});

	it('reports an invalid vestiging', () => {
		for (const value of ['123', '07AB00', '06RUAB', 'A1']) {
			expect(problemsOf(`U;06RU;${value};R;U;PO 27-01;po`)).toEqual([
				`vestiging "${value}" is geen geldig vestigingsnummer`
			]);
		}
	});

	it('reports a missing or too long name and place', () => {
		expect(problemsOf('U;06RU;00;  ;"";PO 27-01;po')).toEqual([
			'naam ontbreekt',
			'plaats ontbreekt'
		]);
		expect(problemsOf(`U;06RU;00;${'n'.repeat(200)};${'p'.repeat(201)};PO 27-01;po`)).toEqual([
			'plaats is langer dan 200 tekens'
		]);
		expect(problemsOf(`U;06RU;00;${'n'.repeat(201)};Utrecht;PO 27-01;po`)).toEqual([
			'naam is langer dan 200 tekens'
		]);
	});

	it('reports an invalid or unknown SWV-code', () => {
		expect(problemsOf('U;06RU;00;R;U;27-01;po')).toEqual([
			'SWV-code "27-01" is ongeldig (verwacht bijvoorbeeld PO 27-01)'
		]);
		expect(problemsOf('U;06RU;00;R;U;;po')).toEqual([
			'SWV-code "" is ongeldig (verwacht bijvoorbeeld PO 27-01)'
		]);
		expect(problemsOf('U;06RU;00;R;U;vo2702;po')).toEqual([
			'onbekend samenwerkingsverband "VO 27-02"'
		]);
	});

	it('maps school types and reports unknown ones', () => {
		const typeOf = (value: string) =>
			parseSchoolCsv(csv(DUO_HEADER, `U;06RU;00;R;U;PO 27-01;${value}`), KNOWN).rows[0]?.schoolType;
		expect(typeOf('BAO')).toBe('po');
		expect(typeOf('Speciaal  Basisonderwijs')).toBe('sbo');
		expect(typeOf(' SO ')).toBe('so');
		expect(typeOf('VSO')).toBe('vso');
		expect(typeOf('Voortgezet onderwijs')).toBe('vo');
		expect(problemsOf('U;06RU;00;R;U;PO 27-01;mbo')).toEqual([
			'onbekend schooltype "mbo" (kies uit po, sbo, so, vso, vo)'
		]);
		expect(problemsOf('U;06RU;00;R;U;PO 27-01;constructor')).toEqual([
			'onbekend schooltype "constructor" (kies uit po, sbo, so, vso, vo)'
		]);
	});

	it('reports every problem of a line separately, in column order', () => {
		const header = 'SOORT PO;NAAM;PLAATS;SWV;VESTIGING;BRIN';
		const result = parseSchoolCsv(csv(header, 'mbo;;U;PO 99-01;x;06R'), KNOWN);
		expect(result).toEqual({
			rows: [],
			problems: [
				{ line: 2, message: 'onbekend schooltype "mbo" (kies uit po, sbo, so, vso, vo)' },
				{ line: 2, message: 'naam ontbreekt' },
				{ line: 2, message: 'onbekend samenwerkingsverband "PO 99-01"' },
				{ line: 2, message: 'vestiging "x" is geen geldig vestigingsnummer' },
				{ line: 2, message: 'instellingscode "06R" moet uit 4 letters of cijfers bestaan' }
			]
		});
	});

	it('reports a duplicate school on the later line', () => {
		const result = parseSchoolCsv(
			csv(
				DUO_HEADER,
				'U;06RU;00;Regenboog;Utrecht;PO 27-01;po',
				'U;06RU;01;Regenboog Noord;Utrecht;PO 27-01;po',
				'U;06ru;06RU00;Regenboog;Utrecht;PO 27-01;po',
				'U;12AB;0;Kompas;Zeist;PO 99-99;po',
				'U;12AB;00;Kompas;Zeist;PO 99-99;po'
			),
			KNOWN
		);
		expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
		expect(result.problems).toEqual([
			{ line: 4, message: 'dubbel: dezelfde school staat ook op regel 2' },
			{ line: 5, message: 'onbekend samenwerkingsverband "PO 99-99"' },
			{ line: 6, message: 'onbekend samenwerkingsverband "PO 99-99"' },
			{ line: 6, message: 'dubbel: dezelfde school staat ook op regel 5' }
		]);
	});

	it('rejects a file of more than 5000 data lines', () => {
		const line = 'U;06RU;00;R;U;PO 27-01;po';
		expect(parseSchoolCsv(csv(DUO_HEADER, ...Array(5000).fill(line)), KNOWN).rows).toHaveLength(1);
		expect(parseSchoolCsv(csv(DUO_HEADER, ...Array(5001).fill(line)), KNOWN)).toEqual({
			rows: [],
			problems: [{ line: 1, message: 'het bestand heeft meer dan 5000 regels' }]
		});
	});

	it('rejects a file with a field of more than 1000 characters', () => {
		const text = csv(
			DUO_HEADER,
			'U;06RU;00;R;U;PO 27-01;po',
			`U;12AB;00;R;${'x'.repeat(1001)};PO 27-01;po`
		);
		expect(parseSchoolCsv(text, KNOWN)).toEqual({
			rows: [],
			problems: [{ line: 3, message: 'een veld is langer dan 1000 tekens' }]
		});
	});
});

describe('normalizeSwvCode', () => {
	it('accepts the usual spellings', () => {
		for (const input of ['PO 27-01', 'PO-27-01', 'PO2701', 'po 27.01', ' Po27-01 ', 'PO 27 01']) {
			expect(normalizeSwvCode(input)).toBe('PO2701');
		}
		expect(normalizeSwvCode('vo 20.05')).toBe('VO2005');
	});

	it('rejects anything else', () => {
		for (const input of ['', 'PO 27-1', 'SO 27-01', 'PO 27--01', 'PO 270-1', 'PO 27-01x', '2701']) {
			expect(normalizeSwvCode(input)).toBeNull();
		}
	});
});

describe('formatSwvCode', () => {
	it('writes the code the way DUO does', () => {
		expect(formatSwvCode('PO2701')).toBe('PO 27-01');
		expect(formatSwvCode('VO2005')).toBe('VO 20-05');
		expect(formatSwvCode('po 27.01')).toBe('PO 27-01');
		expect(formatSwvCode('onzin')).toBe('onzin');
	});
});
