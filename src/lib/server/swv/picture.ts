import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Level, Questionnaire } from '$lib/domain/questionnaire/schema';
import type { LatestResult, SchoolInput, ThemeRef } from '$lib/domain/swv/overview';
import type { TrendPoint } from '$lib/domain/swv/trend';
import { schoolsOfSwv, type RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import { response, round } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { isRoundOpen } from '../rounds/rounds';
import { snapshotsOf, type SnapshotScores } from '../results/snapshots';

/**
 * What an SWV may see of its schools, read from the database in a few queries: rounds,
 * hand-in counts and the snapshots of released finished rounds. Unreleased rounds give only
 * that they exist and how many handed in.
 */

export const finishedAt = (r: RoundRow): Date => r.closedAt ?? r.closesAt ?? r.opensAt;

/** The school scan's newest version: its themes are the table's columns, its levels the scale. */
export function schoolScanFrame(registry: QuestionnaireRegistry): {
	questionnaire: Questionnaire;
	themes: ThemeRef[];
	levels: Level[];
} {
	const q = registry.latest('school-scan');
	if (!q) throw new Error('De vragenlijst school-scan ontbreekt.');
	return {
		questionnaire: q,
		themes: q.themes.map((t) => ({ id: t.id, title: t.title })),
		levels: q.levels
	};
}

/** Responses handed in per round, for the rounds that `where` picks. */
export function handedInPerRound(db: Db, where: SQL | undefined): Map<number, number> {
	return countPerRound(db, where, count(response.submittedAt));
}

function countPerRound(
	db: Db,
	where: SQL | undefined,
	counted: ReturnType<typeof count>
): Map<number, number> {
	return new Map(
		db
			.select({ roundId: response.roundId, n: counted })
			.from(response)
			.innerJoin(round, eq(round.id, response.roundId))
			.where(where)
			.groupBy(response.roundId)
			.all()
			.map((x) => [x.roundId, x.n])
	);
}

export interface SchoolPicture {
	schools: SchoolInput[];
	trend: TrendPoint[];
	/** The rounds behind the picture, for exports that need more than theme scores. */
	latestRounds: Map<number, { round: RoundRow; snapshot: SnapshotScores }>;
}

export function swvSchoolPicture(
	db: Db,
	registry: QuestionnaireRegistry,
	swvId: number,
	{ withItems = false }: { withItems?: boolean } = {}
): SchoolPicture {
	const now = Date.now();
	const schools = schoolsOfSwv(db, swvId).filter((s) => s.active);
	const rounds = db
		.select()
		.from(round)
		.where(and(eq(round.swvId, swvId), eq(round.scope, 'school'), isNull(round.companionOfRoundId)))
		.orderBy(desc(round.opensAt), desc(round.id))
		.all();
	const handedIn = handedInPerRound(db, and(eq(round.swvId, swvId), eq(round.scope, 'school')));
	const released = rounds.filter((r) => r.releasedAt && !isRoundOpen(r, now));
	// Item scores only of each school's latest released round: older ones feed the trend alone.
	const latestReleased = new Map<number, RoundRow>();
	for (const r of released)
		if (!latestReleased.has(r.schoolId!)) latestReleased.set(r.schoolId!, r);
	const snapshots = snapshotsOf(db, registry, released, { now });
	if (withItems) {
		for (const [id, s] of snapshotsOf(db, registry, [...latestReleased.values()], {
			withItems: true,
			now
		}))
			snapshots.set(id, s);
	}
	const bySchool = new Map<number, RoundRow[]>();
	for (const r of rounds) bySchool.set(r.schoolId!, [...(bySchool.get(r.schoolId!) ?? []), r]);

	const latestRounds: SchoolPicture['latestRounds'] = new Map();
	const trend: TrendPoint[] = [];
	const active = new Set(schools.map((s) => s.id));
	for (const r of released) {
		const s = snapshots.get(r.id);
		if (s && s.disclosure !== 'hidden' && active.has(r.schoolId!))
			trend.push({ schoolId: r.schoolId!, date: finishedAt(r), themes: s.themes });
	}
	return {
		trend,
		latestRounds,
		schools: schools.map((s) => {
			const own = bySchool.get(s.id) ?? [];
			const newest = own[0];
			const finished = own.find((r) => !isRoundOpen(r, now));
			let latest: LatestResult = { kind: 'geen' };
			if (finished) {
				const base = {
					roundTitle: finished.title,
					date: finishedAt(finished),
					respondents: handedIn.get(finished.id) ?? 0
				};
				const snap = finished.releasedAt ? snapshots.get(finished.id) : undefined;
				if (!finished.releasedAt || !snap) latest = { kind: 'niet-gedeeld', ...base };
				else if (snap.disclosure === 'hidden') latest = { kind: 'te-weinig', ...base };
				else {
					latest = {
						kind: 'scores',
						...base,
						roundId: finished.id,
						questionnaireVersion: finished.questionnaireVersion,
						respondents: snap.respondents,
						themes: snap.themes,
						note: finished.releaseNote
					};
					latestRounds.set(s.id, { round: finished, snapshot: snap });
				}
			}
			return {
				id: s.id,
				name: s.name,
				place: s.place,
				code: `${s.instellingscode}${s.vestiging}`,
				schoolType: s.schoolType,
				rounds: own.length,
				lastRespondents: newest ? (handedIn.get(newest.id) ?? 0) : null,
				lastRoundAt: newest?.opensAt ?? null,
				open: own.some((r) => isRoundOpen(r, now)),
				latest
			};
		})
	};
}
