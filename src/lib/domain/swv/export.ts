import { isoDay } from '../format';
import { LEVEL_ABBREVIATIONS } from './report';
import type { Overview } from './overview';

/**
 * The SWV exports as tables: scores per school per theme and per statement, with the
 * questionnaire version and the SWV's norm. Aggregates only: no row is ever one respondent.
 * The same tables become CSV and XLSX.
 */

/** A date is a calendar day: midnight UTC of the day in the Netherlands. */
export type CellValue = string | number | Date | null;

export interface ExportTable {
	name: string;
	columns: { header: string; kind: 'text' | 'number' | 'date'; width?: number }[];
	rows: CellValue[][];
}

/** The calendar day in the Netherlands of a moment, as a date cell (midnight UTC of that day). */
export const calendarDay = (d: Date): Date => new Date(`${isoDay(d)}T00:00:00Z`);

/**
 * A school's companion (parents) on its latest shared round, as the SWV may see it: how many
 * sent, and per theme a score only when their own round shows figures.
 */
export interface CompanionCells {
	respondents: number;
	minRespondents: number;
	hidden: boolean;
	scores: Readonly<Record<string, number | null>>;
}

/**
 * One row per school and theme. With `companion` (e.g. "Ouders") two more columns give that
 * group's respondents and theme score; where the school did not ask them or their figures do not
 * show, the cells stay empty and the reason joins "Opmerking".
 */
export function themeTable(
	overview: Overview,
	questionnaireTitle: string,
	companion?: { label: string; bySchool: ReadonlyMap<number, CompanionCells> }
): ExportTable {
	const rows: CellValue[][] = [];
	const extra = companion ? 2 : 0;
	/** The companion's cells and the reason for an empty score, for one school and theme. */
	const companionCells = (schoolId: number, themeId: string | null) => {
		if (!companion) return { cells: [] as CellValue[], reason: null };
		const c = companion.bySchool.get(schoolId);
		const who = companion.label.toLowerCase();
		if (!c) return { cells: [null, null], reason: null };
		if (c.hidden)
			return {
				cells: [c.respondents, null],
				reason: `${who}: te weinig verstuurd (${c.respondents}, minimum ${c.minRespondents})`
			};
		if (themeId === null) return { cells: [c.respondents, null], reason: null };
		const score = c.scores[themeId];
		return {
			cells: [c.respondents, score ?? null],
			reason:
				score === undefined
					? null
					: score === null
						? `${who}: te weinig antwoorden op dit thema`
						: null
		};
	};
	const remark = (...parts: (string | null)[]) =>
		parts.filter((p): p is string => !!p).join('; ') || null;
	for (const r of overview.rows) {
		const s = r.school;
		const head: CellValue[] = [s.name, s.code, s.schoolType.toUpperCase(), s.place];
		const l = s.latest;
		if (l.kind !== 'scores' || !r.cells) {
			const round: CellValue[] =
				l.kind === 'geen'
					? [null, null, null, null]
					: [l.roundTitle, calendarDay(l.date), null, l.respondents];
			// Every row has the header's columns: no theme figures, the reason under "Opmerking".
			const p = companionCells(s.id, null);
			rows.push([
				...head,
				...round,
				...Array<CellValue>(6).fill(null),
				...(extra ? [p.cells[0] ?? null, null] : []),
				remark(r.status, p.reason)
			]);
			continue;
		}
		for (const c of r.cells) {
			const theme = overview.themes.find((t) => t.id === c.themeId)!;
			rows.push([
				...head,
				l.roundTitle,
				calendarDay(l.date),
				`${questionnaireTitle} v${l.questionnaireVersion}`,
				l.respondents,
				c.themeId,
				theme.title,
				c.score,
				c.level?.name ?? null,
				theme.norm?.name ?? null,
				c.meetsNorm === null ? null : c.meetsNorm ? 'ja' : 'nee',
				...companionCells(s.id, c.themeId).cells,
				remark(
					c.score === null ? 'te weinig antwoorden' : null,
					companionCells(s.id, c.themeId).reason
				)
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
			{ header: 'Afgerond', kind: 'date' },
			{ header: 'Vragenlijst en versie', kind: 'text', width: 24 },
			{ header: 'Respondenten', kind: 'number' },
			{ header: 'Thema-id', kind: 'text' },
			{ header: 'Thema', kind: 'text', width: 32 },
			{ header: 'Score (0-100)', kind: 'number' },
			{ header: 'Niveau', kind: 'text' },
			{ header: 'Norm SWV', kind: 'text' },
			{ header: 'Haalt de norm', kind: 'text' },
			...(companion
				? [
						{ header: `${companion.label}: respondenten`, kind: 'number' as const },
						{ header: `${companion.label}: score (0-100)`, kind: 'number' as const }
					]
				: []),
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
		if (v instanceof Date) return v.toISOString().slice(0, 10);
		let s = typeof v === 'number' ? String(v).replace('.', ',') : v;
		if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const lines = [table.columns.map((c) => cell(c.header)), ...table.rows.map((r) => r.map(cell))];
	return '\ufeff' + lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}

/** One cell of the matrix sheet: the score, and what its colour and mark say. */
export interface MatrixCell {
	score: number | null;
	levelId: string | null;
	/** The level's letter (V, O, F, G) and ▲ (reaches the norm) or ▼ (below it). */
	suffix: string;
}

/** The XLSX sheet laid out like the SWV's table: schools × themes, then figures per type. */
export interface MatrixSheet {
	name: string;
	header: string[];
	rows: {
		school: string;
		type: string;
		date: Date | null;
		cells: MatrixCell[] | null;
		status: string | null;
	}[];
	footer: { label: string; values: (number | string | null)[] }[];
	legend: string[];
}

export function matrixSheet(
	overview: Overview,
	levels: readonly { id: string; name: string }[]
): MatrixSheet {
	const o = overview;
	const footer: MatrixSheet['footer'] = [];
	for (const t of o.perType.types) {
		const label = t.type.toUpperCase();
		footer.push(
			{ label: `${label}: mediaan`, values: o.themes.map((th) => t.spread[th.id]?.median ?? null) },
			{
				label: `${label}: eerste kwartiel`,
				values: o.themes.map((th) => t.spread[th.id]?.q1 ?? null)
			},
			{
				label: `${label}: derde kwartiel`,
				values: o.themes.map((th) => t.spread[th.id]?.q3 ?? null)
			},
			{
				label: `${label}: scholen met een score`,
				values: o.themes.map((th) => t.spread[th.id]?.n ?? 0)
			}
		);
	}
	const pooled = o.perType.pooled;
	if (pooled)
		footer.push({
			label: 'Alle typen: mediaan (alleen bij dezelfde stellingen)',
			values: o.themes.map((th) => {
				const f = pooled[th.id];
				return f === null || f === undefined ? 'andere stellingen per type' : f.median;
			})
		});
	return {
		name: "Scholen × thema's",
		header: ['School', 'Type', 'Laatste gedeelde ronde', ...o.themes.map((t) => t.title)],
		rows: o.rows.map((r) => ({
			school: r.school.name,
			type: r.school.schoolType.toUpperCase(),
			date: r.school.latest.kind === 'geen' ? null : calendarDay(r.school.latest.date),
			status: r.status,
			cells:
				r.cells?.map((c) => ({
					score: c.score,
					levelId: c.level?.id ?? null,
					suffix: `${c.level ? (LEVEL_ABBREVIATIONS[c.level.id] ?? '') : ''}${
						c.meetsNorm === null ? '' : c.meetsNorm ? ' ▲' : ' ▼'
					}`
				})) ?? null
		})),
		footer,
		legend: [
			`Niveaus: ${levels.map((l) => `${LEVEL_ABBREVIATIONS[l.id] ?? l.id} = ${l.name}`).join(', ')}.`,
			'▲ = haalt de norm van het samenwerkingsverband, ▼ = onder de norm.',
			...o.themes.map((t) => `${t.title}: norm ${t.norm?.name ?? 'geen'}.`),
			"Mediaan en kwartielen per schooltype; over alle typen alleen bij thema's waar de typen dezelfde stellingen beantwoorden."
		]
	};
}
