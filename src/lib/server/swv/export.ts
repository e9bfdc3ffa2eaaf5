import { isoDay } from '$lib/domain/format';
import ExcelJS from 'exceljs';
import type { SchoolType } from '$lib/domain/school-type';
import { LEVEL_TINTS } from '$lib/domain/colors';
import {
	itemTable,
	matrixSheet,
	themeTable,
	type CompanionCells,
	type ExportTable,
	type ItemSource,
	type MatrixSheet
} from '$lib/domain/swv/export';
import { swvOverview } from '$lib/domain/swv/overview';
import { statementSets } from '$lib/domain/swv/per-type';
import type { SwvRow } from '../auth/access';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { normOf } from './norm';
import { sharedCompanionScores } from '../results/companion-results';
import { companionChoices } from '../rounds/companion';
import { schoolScanFrame, swvSchoolPicture } from './picture';

/** The export tables of an SWV (optionally one school type): per theme and per statement. */
export function swvExportTables(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	type: SchoolType | null
): ExportTable[] {
	return swvExport(db, registry, s, type).tables;
}

function swvExport(db: Db, registry: QuestionnaireRegistry, s: SwvRow, type: SchoolType | null) {
	const { themes, levels, questionnaire } = schoolScanFrame(registry);
	const picture = swvSchoolPicture(db, registry, s.id, { withItems: true });
	const overview = swvOverview({
		themes,
		levels,
		norm: normOf(db, s.id),
		schools: picture.schools,
		type,
		statements: statementSets(questionnaire)
	});
	const sources = new Map<number, ItemSource>(
		[...picture.latestRounds].map(([schoolId, { round, snapshot }]) => [
			schoolId,
			{
				schoolId,
				questionnaireVersion: round.questionnaireVersion,
				items: snapshot.items ?? {}
			}
		])
	);
	// Parents (the school scan's companion) in their own columns, by their own disclosure.
	const companion = companionChoices(registry, 'school-scan')[0];
	const bySchool = new Map<number, CompanionCells>();
	for (const [schoolId, { round, snapshot }] of picture.latestRounds) {
		const c = sharedCompanionScores(
			db,
			registry,
			round,
			snapshot.disclosure === 'hidden' ? {} : snapshot.themes
		).find((x) => x.label === companion?.label);
		if (c)
			bySchool.set(schoolId, {
				respondents: c.respondents,
				minRespondents: c.minRespondents,
				hidden: c.hidden,
				scores: Object.fromEntries([
					...c.mapped.map((m) => [m.themeId, m.companion] as const),
					...c.own.map((m) => [m.themeId, m.score] as const)
				])
			});
	}
	return {
		tables: [
			themeTable(
				overview,
				questionnaire.title,
				companion ? { label: companion.label, bySchool } : undefined
			),
			itemTable(overview, sources, (v) => registry.get('school-scan', v))
		],
		matrix: matrixSheet(overview, levels)
	};
}

/** The SWV's workbook: the matrix sheet first, then the long tables. */
export async function swvXlsx(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	type: SchoolType | null
): Promise<Buffer> {
	const { tables, matrix } = swvExport(db, registry, s, type);
	return toXlsx(tables, `Scan Passend Onderwijs — ${s.name}`, matrix);
}

/** ARGB for ExcelJS from '#rrggbb'. */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const DATE_FORMAT = 'dd-mm-yyyy';

function addMatrixSheet(book: ExcelJS.Workbook, m: MatrixSheet): void {
	const sheet = book.addWorksheet(m.name, {
		views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }]
	});
	sheet.columns = m.header.map((h, i) => ({ header: h, width: i === 0 ? 34 : i < 3 ? 12 : 16 }));
	const head = sheet.getRow(1);
	head.font = { bold: true };
	head.alignment = { wrapText: true, vertical: 'top' };
	for (const r of m.rows) {
		const row = sheet.addRow([
			r.school,
			r.type,
			r.date,
			...(r.cells?.map((c) => c.score) ?? [r.status])
		]);
		row.getCell(3).numFmt = DATE_FORMAT;
		r.cells?.forEach((c, k) => {
			const cell = row.getCell(4 + k);
			// The cell stays a number; its format shows the level's letter and the norm mark.
			if (c.score !== null) cell.numFmt = `0"${c.suffix ? ` ${c.suffix}` : ''}"`;
			const tint = c.levelId ? LEVEL_TINTS[c.levelId] : undefined;
			if (tint) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(tint) } };
		});
		if (!r.cells) row.getCell(4).font = { italic: true };
	}
	sheet.addRow([]);
	for (const f of m.footer) {
		const row = sheet.addRow([f.label, null, null, ...f.values]);
		row.font = { bold: f.label.endsWith('mediaan') || f.label.includes('mediaan (') };
		f.values.forEach((v, k) => {
			if (typeof v === 'number' && !Number.isInteger(v)) row.getCell(4 + k).numFmt = '0.0';
		});
	}
	sheet.addRow([]);
	for (const line of m.legend) sheet.addRow([line]);
}

export async function toXlsx(
	tables: ExportTable[],
	title: string,
	matrix?: MatrixSheet
): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Scan Passend Onderwijs';
	book.title = title;
	book.created = new Date();
	if (matrix) addMatrixSheet(book, matrix);
	for (const t of tables) {
		const sheet = book.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = t.columns.map((c) => ({
			header: c.header,
			width: c.width ?? 14,
			style: c.kind === 'date' ? { numFmt: DATE_FORMAT } : {}
		}));
		sheet.getRow(1).font = { bold: true };
		for (const r of t.rows) sheet.addRow(r);
		sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
	}
	return Buffer.from(await book.xlsx.writeBuffer());
}

export function exportName(s: SwvRow, what: string, ext: string): string {
	const today = isoDay();
	return `scan-passend-onderwijs-${s.code.toLowerCase()}-${what}-${today}.${ext}`;
}
