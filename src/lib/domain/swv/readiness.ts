import { levelFor } from '../questionnaire/model';
import type { Level } from '../questionnaire/schema';
import type { Overview } from './overview';

/** Per theme, the picture of the schools beside the SWV's own scan: median, its level, the norm. */
export function readiness(overview: Overview, levels: readonly Level[]) {
	return overview.themes.map((t) => {
		const f = overview.footer[t.id]!;
		const scored = overview.rows.flatMap((r) =>
			(r.cells ?? []).filter((c) => c.themeId === t.id && c.score !== null)
		);
		return {
			id: t.id,
			title: t.title,
			median: f.median,
			level: f.median === null ? null : levelFor(levels, f.median).name,
			n: f.n,
			norm: t.norm?.name ?? null,
			/** Schools at or above the norm; null without a norm. */
			meetingNorm: t.norm ? scored.filter((c) => c.meetsNorm).length : null
		};
	});
}
