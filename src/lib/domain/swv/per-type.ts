import { summarize, type SpreadSummary } from '../aggregate';
import { themesFor } from '../questionnaire/model';
import type { Level, Questionnaire } from '../questionnaire/schema';
import { SCHOOL_TYPES, type SchoolType } from '../school-type';
import type { OverviewRow, ThemeRef } from './types';

/**
 * The spread of the school scores per school type. Schools of different types answer partly
 * different statements on some themes (the questionnaire's `appliesTo`), so their scores are
 * compared within a type only; a figure over all types is given only on a theme where every type
 * in the table answers the same statements, and is then labelled so.
 */

/** Theme id → school type → the statements that type answers (item ids, joined). */
export type StatementSets = Readonly<Record<string, Readonly<Partial<Record<SchoolType, string>>>>>;

/** Which statements each school type answers per theme, in this questionnaire version. */
export function statementSets(q: Questionnaire): StatementSets {
	const out: Record<string, Partial<Record<SchoolType, string>>> = {};
	for (const type of SCHOOL_TYPES)
		for (const { theme, items } of themesFor(q, type))
			(out[theme.id] ??= {})[type] = items.map((i) => i.id).join(' ');
	return out;
}

export interface TypeFigures {
	type: SchoolType;
	/** Schools of this type in the table. */
	schools: number;
	/** Theme id → spread of the scores of this type's schools. */
	spread: Record<string, SpreadSummary>;
}

export interface PerTypeFigures {
	/** One entry per school type in the table, in the usual order (po, sbo, so, vso, vo). */
	types: TypeFigures[];
	/**
	 * Theme id → the spread over all types in the table, only where they all answer the same
	 * statements; null where the statements differ. Absent with one type (its row says it all).
	 */
	pooled: Record<string, SpreadSummary | null> | null;
}

const scoresOf = (rows: readonly OverviewRow[], themeId: string) =>
	rows.flatMap((r) => {
		const v = r.cells?.find((c) => c.themeId === themeId)?.score;
		return typeof v === 'number' ? [v] : [];
	});

export function perTypeFigures(
	rows: readonly OverviewRow[],
	themes: readonly ThemeRef[],
	levels: readonly Level[],
	statements: StatementSets
): PerTypeFigures {
	const present = SCHOOL_TYPES.filter((t) => rows.some((r) => r.school.schoolType === t));
	const types = present.map((type) => {
		const own = rows.filter((r) => r.school.schoolType === type);
		return {
			type,
			schools: own.length,
			spread: Object.fromEntries(themes.map((t) => [t.id, summarize(scoresOf(own, t.id), levels)]))
		};
	});
	const pooled =
		present.length > 1
			? Object.fromEntries(
					themes.map((t) => [
						t.id,
						sameStatements(statements, t.id, present)
							? summarize(scoresOf(rows, t.id), levels)
							: null
					])
				)
			: null;
	return { types, pooled };
}

/** Whether all these types answer the same statements on a theme. */
export function sameStatements(
	statements: StatementSets,
	themeId: string,
	types: readonly SchoolType[]
): boolean {
	const sets = new Set(types.map((t) => statements[themeId]?.[t] ?? ''));
	return sets.size <= 1;
}

/** One median mark on a theme: a school type's, or the pooled one (type null, same statements only). */
export interface SpreadMark {
	type: SchoolType | null;
	/** "PO", … or "Alle typen (zelfde stellingen)". */
	label: string;
	median: number | null;
	q1: number | null;
	q3: number | null;
	n: number;
}

export const POOLED_LABEL = 'Alle typen (zelfde stellingen)';

/**
 * The median marks on a theme: one per school type in the table, and the pooled one only where
 * every type answers the same statements (labelled so). Never a figure pooled across types that
 * answer different statements.
 */
export function spreadMarks(figures: PerTypeFigures, themeId: string): SpreadMark[] {
	const mark = (type: SchoolType | null, label: string, s: SpreadSummary | undefined | null) => ({
		type,
		label,
		median: s?.median ?? null,
		q1: s?.q1 ?? null,
		q3: s?.q3 ?? null,
		n: s?.n ?? 0
	});
	const own = figures.types.map((t) => mark(t.type, t.type.toUpperCase(), t.spread[themeId]));
	const pooled = figures.pooled?.[themeId];
	return pooled ? [...own, mark(null, POOLED_LABEL, pooled)] : own;
}
