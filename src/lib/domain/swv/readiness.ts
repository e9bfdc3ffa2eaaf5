import { levelFor } from '../questionnaire/model';
import type { Level } from '../questionnaire/schema';
import { spreadMarks } from './per-type';
import type { Overview } from './overview';

/** One figure of the schools on a theme: a school type's, or over all types (type null). */
export interface ReadinessFigure {
	type: string | null;
	/** "PO", … or "Alle typen (zelfde stellingen)". */
	label: string;
	median: number | null;
	q1: number | null;
	q3: number | null;
	level: string | null;
	/** Schools of this type with a score on the theme. */
	n: number;
	/** Of those, at or above the norm; null without a norm. */
	meetingNorm: number | null;
}

/**
 * Per theme, the picture of the schools beside the SWV's own scan: per school type the median,
 * its quartiles and level, and how many schools reach the norm; a figure over all types only on a
 * theme where they answer the same statements (labelled so). `n` and `meetingNorm` on the theme
 * are counts over all schools (a count, not a median over different statements).
 */
export function readiness(overview: Overview, levels: readonly Level[]) {
	return overview.themes.map((t) => {
		const scored = (type: string | null) =>
			overview.rows.flatMap((r) =>
				type && r.school.schoolType !== type
					? []
					: (r.cells ?? []).filter((c) => c.themeId === t.id && c.score !== null)
			);
		const meeting = (type: string | null) =>
			t.norm ? scored(type).filter((c) => c.meetsNorm).length : null;
		const figures: ReadinessFigure[] = spreadMarks(overview.perType, t.id).map((m) => ({
			type: m.type,
			label: m.label,
			median: m.median,
			q1: m.q1,
			q3: m.q3,
			level: m.median === null ? null : levelFor(levels, m.median).name,
			n: m.n,
			meetingNorm: meeting(m.type)
		}));
		return {
			id: t.id,
			title: t.title,
			norm: t.norm?.name ?? null,
			figures,
			/** Schools with a score on the theme, all types. */
			n: scored(null).length,
			/** Schools at or above the norm, all types; null without a norm. */
			meetingNorm: meeting(null)
		};
	});
}
