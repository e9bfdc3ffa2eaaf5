import { isoDay } from './format';
import type { Overview } from './swv-overview';

/**
 * The SWV exports as tables: scores per school per theme and per statement, with the
 * questionnaire version and the SWV's norm. Aggregates only: no row is ever one respondent.
 * The same tables become CSV and XLSX.
 */

export type CellValue = string | number | null;

export interface ExportTable {
	name: string;
	columns: { header: string; kind: 'text' | 'number'; width?: number }[];
	rows: CellValue[][];
}

export function themeTable(overview: Overview, questionnaireTitle: string): ExportTable {
	const rows: CellValue[][] = [];
	for (const r of overview.rows) {
		const s = r.school;
		const head: CellValue[] = [s.name, s.code, s.schoolType.toUpperCase(), s.place];
		const l = s.latest;
		if (l.kind !== 'scores' || !r.cells) {
			const round: CellValue[] =
				l.kind === 'geen'
					? [null, null, null, null]
					: [l.roundTitle, isoDay(l.date), null, l.respondents];
			// Every row has the header's columns: no theme figures, the reason under "Opmerking".
			rows.push([...head, ...round, ...Array<CellValue>(6).fill(null), r.status]);
			continue;
		}
		for (const c of r.cells) {
			const theme = overview.themes.find((t) => t.id === c.themeId)!;
			rows.push([
				...head,
				l.roundTitle,
				isoDay(l.date),
				`${questionnaireTitle} v${l.questionnaireVersion}`,
				l.respondents,
				c.themeId,
				theme.title,
				c.score,
				c.level?.name ?? null,
				theme.norm?.name ?? null,
				c.meetsNorm === null ? null : c.meetsNorm ? 'ja' : 'nee',
				c.score === null ? 'te weinig antwoorden' : null
			]);
		}
	}
	return {
		name: "Thema's",
		columns: [
			{ header: 'School', kind: 'text', width: 32 },
			{ header: 'BRIN en vestiging', kind: 'text' },
			{ header: 'Type', kind: 'text' },
			{ header: 'Plaats', kind: 'text' },
			{ header: 'Ronde', kind: 'text', width: 24 },
			{ header: 'Afgerond', kind: 'text' },
			{ header: 'Vragenlijst en versie', kind: 'text', width: 24 },
			{ header: 'Respondenten', kind: 'number' },
			{ header: 'Thema-id', kind: 'text' },
			{ header: 'Thema', kind: 'text', width: 32 },
			{ header: 'Score (0-100)', kind: 'number' },
			{ header: 'Niveau', kind: 'text' },
			{ header: 'Norm SWV', kind: 'text' },
			{ header: 'Haalt de norm', kind: 'text' },
			{ header: 'Opmerking', kind: 'text', width: 28 }
		],
		rows
	};
}

export interface ItemSource {
	schoolId: number;
	questionnaireVersion: number;
	items: Readonly<
		Record<string, { mean: number | null; meanOnScale: number | null; n: number | null }>
	>;
}

export interface QuestionnaireText {
	title: string;
	themes: { id: string; title: string; items: { id: string; text: string }[] }[];
}

export function itemTable(
	overview: Overview,
	sources: ReadonlyMap<number, ItemSource>,
	questionnaire: (version: number) => QuestionnaireText | undefined
): ExportTable {
	const rows: CellValue[][] = [];
	for (const r of overview.rows) {
		const src = sources.get(r.school.id);
		const l = r.school.latest;
		const q = src && questionnaire(src.questionnaireVersion);
		if (!src || !q || l.kind !== 'scores') continue;
		for (const t of q.themes)
			for (const i of t.items) {
				const x = src.items[i.id];
				if (!x) continue;
				rows.push([
					r.school.name,
					r.school.code,
					r.school.schoolType.toUpperCase(),
					l.roundTitle,
					`${q.title} v${src.questionnaireVersion}`,
					t.id,
					t.title,
					i.id,
					i.text,
					x.mean,
					x.meanOnScale,
					x.n
				]);
			}
	}
	return {
		name: 'Stellingen',
		columns: [
			{ header: 'School', kind: 'text', width: 32 },
			{ header: 'BRIN en vestiging', kind: 'text' },
			{ header: 'Type', kind: 'text' },
			{ header: 'Ronde', kind: 'text', width: 24 },
			{ header: 'Vragenlijst en versie', kind: 'text', width: 24 },
			{ header: 'Thema-id', kind: 'text' },
			{ header: 'Thema', kind: 'text', width: 32 },
			{ header: 'Stelling-id', kind: 'text' },
			{ header: 'Stelling', kind: 'text', width: 60 },
			{ header: 'Gemiddelde (0-100)', kind: 'number' },
			{ header: 'Gemiddelde op de schaal', kind: 'number' },
			{ header: 'Antwoorden', kind: 'number' }
		],
		rows
	};
}

/**
 * CSV as Dutch spreadsheet programs read it: semicolons, decimal commas, UTF-8 with a byte
 * order mark, CRLF. A text cell that starts like a formula is prefixed with an apostrophe.
 */
export function toCsv(table: ExportTable): string {
	const cell = (v: CellValue): string => {
		if (v === null) return '';
		let s = typeof v === 'number' ? String(v).replace('.', ',') : v;
		if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const lines = [table.columns.map((c) => cell(c.header)), ...table.rows.map((r) => r.map(cell))];
	return '\ufeff' + lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}
