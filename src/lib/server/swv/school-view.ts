import { error } from '@sveltejs/kit';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { benchmarkAllowed, summarizeUnits } from '$lib/domain/aggregate';
import { levelFor, themesFor } from '$lib/domain/questionnaire/model';
import { meetsNorm } from '$lib/domain/swv/norm';
import { schoolTrend } from '$lib/domain/swv/trend';
import { schoolsOfSwv, type SchoolRow, type SwvRow } from '../auth/access';
import type { Db } from '../db/open';
import { round } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { isRoundOpen } from '../rounds/rounds';
import { snapshotsOf } from '../results/snapshots';
import { normOf } from './norm';
import { finishedAt, handedInPerRound, schoolScanFrame } from './picture';
import { latestReleasedScores } from '../results/benchmarks';
import { sharedCompanionScores } from '../results/companion-results';

/**
 * One school as its SWV sees it: its rounds (that they exist and how many handed in), and of a
 * released, finished round the scores per theme and per statement as aggregates, against the
 * SWV's norm and the schools of the same type. Never single answers, groups or open comments.
 * The school's own coordinators see the same page, so they know what they share.
 */
export function swvSchoolView(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SchoolRow,
	roundId: number | null
) {
	const now = Date.now();
	const { levels } = schoolScanFrame(registry);
	const norm = normOf(db, s.swvId);
	const rounds = db
		.select()
		.from(round)
		.where(
			and(eq(round.schoolId, s.id), eq(round.scope, 'school'), isNull(round.companionOfRoundId))
		)
		.orderBy(desc(round.opensAt), desc(round.id))
		.all();
	const handedIn = handedInPerRound(db, eq(round.schoolId, s.id));
	const viewable = rounds.filter((r) => r.releasedAt && !isRoundOpen(r, now));
	const chosen = roundId === null ? viewable[0] : viewable.find((r) => r.id === roundId);
	if (roundId !== null && !chosen)
		error(404, 'Deze ronde is niet gedeeld met het samenwerkingsverband of loopt nog.');

	// The school over its shared rounds: the theme scores per school year, on the themes of the
	// newest version (theme ids stay the same across versions, so older rounds line up).
	const shown = snapshotsOf(db, registry, viewable, { now });
	const trend = schoolTrend(
		viewable.flatMap((r) => {
			const snap = shown.get(r.id);
			return snap && snap.disclosure !== 'hidden'
				? [
						{
							date: finishedAt(r),
							roundTitle: r.title,
							questionnaireVersion: r.questionnaireVersion,
							themes: snap.themes
						}
					]
				: [];
		})
	);
	const latest = registry.latest('school-scan');
	const trendThemes = latest
		? themesFor(latest, s.schoolType).map(({ theme }) => ({ id: theme.id, title: theme.title }))
		: [];

	let selected = null;
	if (chosen) {
		const snap = snapshotsOf(db, registry, [chosen], { withItems: true, now }).get(chosen.id);
		const q = registry.get(chosen.questionnaireId, chosen.questionnaireVersion);
		if (snap && q) {
			const hidden = snap.disclosure === 'hidden';
			const others = hidden
				? []
				: latestReleasedScores(db, registry, { schoolType: s.schoolType }).filter(
						(x) => x.schoolId !== s.id
					);
			const bench = summarizeUnits(
				q.themes.map((t) => t.id),
				others,
				levels
			);
			selected = {
				id: chosen.id,
				title: chosen.title,
				finishedAt: finishedAt(chosen),
				questionnaire: q.title,
				version: chosen.questionnaireVersion,
				minRespondents: chosen.minRespondents,
				respondents: snap.respondents,
				hidden,
				note: chosen.releaseNote,
				// Parents (companions) shared with this round: theme scores only, by their own minimum.
				companions: sharedCompanionScores(db, registry, chosen, hidden ? {} : snap.themes, now),
				typeUnits: others.length,
				typeBenchmark: benchmarkAllowed(others.length),
				themes: hidden
					? []
					: themesFor(q, s.schoolType).map(({ theme: t, items }) => {
							const score = snap.themes[t.id] ?? null;
							const level = score === null ? null : levelFor(levels, score);
							const n = levels.find((l) => l.id === norm[t.id]) ?? null;
							const b = bench[t.id];
							return {
								id: t.id,
								title: t.title,
								score,
								level,
								norm: n,
								meetsNorm: meetsNorm(levels, level, n),
								typeMedian: benchmarkAllowed(b?.n ?? 0) ? (b?.median ?? null) : null,
								typeQ1: benchmarkAllowed(b?.n ?? 0) ? (b?.q1 ?? null) : null,
								typeQ3: benchmarkAllowed(b?.n ?? 0) ? (b?.q3 ?? null) : null,
								items: items.map((i) => {
									const x = snap.items?.[i.id];
									return {
										id: i.id,
										text: i.text,
										mean: x?.mean ?? null,
										meanOnScale: x?.meanOnScale ?? null,
										n: x?.n ?? null
									};
								})
							};
						})
			};
		}
	}
	return {
		school: {
			id: s.id,
			name: s.name,
			place: s.place,
			schoolType: s.schoolType,
			code: `${s.instellingscode}${s.vestiging}`
		},
		levels: levels.map((l) => ({ id: l.id, name: l.name, from: l.from, to: l.to })),
		rounds: rounds.map((r) => ({
			id: r.id,
			title: r.title,
			opensAt: r.opensAt,
			finishedAt: isRoundOpen(r, now) ? null : finishedAt(r),
			released: !!r.releasedAt,
			handedIn: handedIn.get(r.id) ?? 0,
			viewable: viewable.includes(r)
		})),
		selected,
		trend: { themes: trendThemes, years: trend }
	};
}

export type SwvSchoolView = ReturnType<typeof swvSchoolView>;

/** One of the SWV's schools as its page shows it; a 404 when the school is not the SWV's. */
export function swvSchoolPage(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	schoolId: number,
	roundId: number | null
) {
	const school = schoolsOfSwv(db, s.id).find((x) => x.id === schoolId);
	if (!school) error(404, 'Deze school hoort niet bij dit samenwerkingsverband.');
	return {
		swv: { id: s.id, name: s.name },
		view: swvSchoolView(db, registry, school, roundId)
	};
}
