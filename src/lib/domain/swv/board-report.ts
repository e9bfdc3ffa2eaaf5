import { levelFor } from '../questionnaire/model';
import type { Level } from '../questionnaire/schema';
import { formatDate, formatList, formatNumber } from '../format';
import { slug } from '../report-file';
import { SCHOOL_TYPE_LABELS } from '../school-type';
import { levelIndex } from './norm';
import type { Overview } from './overview';
import { readiness } from './readiness';
import { schoolYear } from './school-year';
import type { TrendPoint } from './trend';

/**
 * The short "bestuursrapportage": one or two pages for the board and the OPR, from the same
 * overview as the SWV's pages. Participation; per theme how many schools reach the norm and the
 * median per school type (never over types that answer different statements); per theme how
 * many schools went up or down a level since last school year (each school against itself);
 * and the SWV's own scan beside it.
 */

export interface LevelChange {
	/** Schools with a shared round in both school years. */
	compared: number;
	up: number;
	same: number;
	down: number;
}

/**
 * Per theme, how many schools moved up or down a level between their latest round of the
 * previous school year and their latest round of this one.
 */
export function changeSinceLastYear(
	themeIds: readonly string[],
	levels: readonly Level[],
	points: readonly TrendPoint[],
	now: Date
): { year: string; previousYear: string; themes: Record<string, LevelChange> } {
	const year = schoolYear(now);
	const start = Number(year.slice(0, 4));
	const previousYear = `${start - 1}-${start}`;
	const latestIn = (y: string) => {
		const out = new Map<number, TrendPoint>();
		for (const p of points) {
			if (schoolYear(p.date) !== y) continue;
			const seen = out.get(p.schoolId);
			if (!seen || seen.date < p.date) out.set(p.schoolId, p);
		}
		return out;
	};
	const now_ = latestIn(year);
	const before = latestIn(previousYear);
	const themes: Record<string, LevelChange> = {};
	for (const id of themeIds) {
		const c: LevelChange = { compared: 0, up: 0, same: 0, down: 0 };
		for (const [schoolId, p] of now_) {
			const a = before.get(schoolId)?.themes[id];
			const b = p.themes[id];
			if (typeof a !== 'number' || typeof b !== 'number') continue;
			c.compared++;
			const d =
				levelIndex(levels, levelFor(levels, b).id) - levelIndex(levels, levelFor(levels, a).id);
			if (d > 0) c.up++;
			else if (d < 0) c.down++;
			else c.same++;
		}
		themes[id] = c;
	}
	return { year, previousYear, themes };
}

export interface BoardReportInput {
	swv: { name: string; code: string };
	/** Today as YYYY-MM-DD. */
	today: string;
	now: Date;
	levels: readonly Level[];
	overview: Overview;
	trendPoints: readonly TrendPoint[];
	ownScan: {
		title: string;
		finishedAt: string;
		respondents: number;
		hidden: boolean;
		themes: { title: string; score: number | null; level: { name: string } | null }[];
	} | null;
}

export function boardReport(input: BoardReportInput) {
	const o = input.overview;
	const p = o.participation;
	const ready = readiness(o, input.levels);
	const change = changeSinceLastYear(
		o.themes.map((t) => t.id),
		input.levels,
		input.trendPoints,
		input.now
	);
	const types = o.perType.types;
	const themes = o.themes.map((t, k) => {
		const r = ready[k]!;
		const c = change.themes[t.id]!;
		return {
			title: t.title,
			norm: t.norm?.name ?? 'geen norm',
			meetingNorm: r.meetingNorm === null ? '—' : `${r.meetingNorm} van ${r.n}`,
			medians:
				types
					.filter((ty) => (ty.spread[t.id]?.n ?? 0) > 0)
					.map((ty) => `${ty.type.toUpperCase()} ${formatNumber(ty.spread[t.id]?.median)}`)
					.join(' · ') || '—',
			change: c.compared ? `${c.up} hoger, ${c.same} gelijk, ${c.down} lager` : '—',
			below: r.meetingNorm === null ? 0 : r.n - r.meetingNorm,
			down: c.down
		};
	});
	const mostBelow = [...themes]
		.filter((t) => t.below > 0)
		.sort((a, b) => b.below - a.below)
		.slice(0, 2);
	const mostDown = [...themes]
		.filter((t) => t.down > 0)
		.sort((a, b) => b.down - a.down)
		.slice(0, 2);
	const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
	const highlights = [
		`${p.withScores} van de ${p.schools} scholen hebben uitkomsten gedeeld; ${p.notStarted.length} ${p.notStarted.length === 1 ? 'school is' : 'scholen zijn'} nog nooit gestart.`,
		mostBelow.length
			? `De meeste scholen onder de norm: ${formatList(mostBelow.map((t) => `${lower(t.title)} (${t.below})`))}.`
			: 'Geen scholen onder de norm, of nog geen norm ingesteld.',
		mostDown.length
			? `Sinds ${change.previousYear} de meeste scholen een niveau lager: ${formatList(mostDown.map((t) => `${lower(t.title)} (${t.down})`))}.`
			: `Sinds ${change.previousYear} is geen school op een thema een niveau gezakt.`
	];
	return {
		swv: input.swv,
		meta: {
			today: formatDate(input.today),
			fileName: `bestuursrapportage-${slug(input.swv.name)}-${input.today}.pdf`
		},
		participation: [
			`${p.schools} scholen, waarvan ${p.started} met minstens één ronde`,
			`${p.withScores} met gedeelde uitkomsten, ${p.notShared} niet gedeeld, ${p.tooFew} met te weinig respondenten`,
			`${p.open} met een ronde die nu loopt; ${p.notStarted.length} nog nooit gestart`,
			`Schooltypen: ${types.map((t) => `${SCHOOL_TYPE_LABELS[t.type]} (${t.schools})`).join(', ') || 'geen'}`
		],
		highlights,
		change: { year: change.year, previousYear: change.previousYear },
		themes,
		ownScan: input.ownScan
	};
}

export type BoardReport = ReturnType<typeof boardReport>;
