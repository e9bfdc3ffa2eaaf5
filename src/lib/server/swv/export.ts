import { isoDay } from '$lib/domain/format';
import ExcelJS from 'exceljs';
import type { SchoolType } from '$lib/domain/school-type';
import { itemTable, themeTable, type ExportTable, type ItemSource } from '$lib/domain/swv-export';
import { swvOverview } from '$lib/domain/swv-overview';
import type { SwvRow } from '../auth/access';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { normOf, schoolScanFrame, swvSchoolPicture } from './picture';

/** The export tables of an SWV (optionally one school type): per theme and per statement. */
export function swvExportTables(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	type: SchoolType | null
): ExportTable[] {
	const { themes, levels, questionnaire } = schoolScanFrame(registry);
	const picture = swvSchoolPicture(db, registry, s.id, { withItems: true });
	const overview = swvOverview({
		themes,
		levels,
		norm: normOf(db, s.id),
		schools: picture.schools,
		type
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
	return [
		themeTable(overview, questionnaire.title),
		itemTable(overview, sources, (v) => registry.get('school-scan', v))
	];
}

export async function toXlsx(tables: ExportTable[], title: string): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Scan Passend Onderwijs';
	book.title = title;
	book.created = new Date();
	for (const t of tables) {
		const sheet = book.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = t.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
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
