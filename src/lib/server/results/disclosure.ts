import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { decideDisclosure, type ReleaseRecord, type SentResponse } from '$lib/domain/disclosure';
import {
	effectiveMinimum,
	scoreRound,
	tallyRespondents,
	type RoundScore
} from '$lib/domain/scoring';
import type { RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import { answer, response, roundRelease, roundSnapshot, school } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { transition } from '$lib/domain/round-lifecycle';
import { lifecycleState, submittedCount } from '../rounds/rounds';

/**
 * The one place where a round's figures come from: every output asks `disclosedRound` and shows
 * what it returns. It applies the disclosure model (`domain/disclosure.ts`) to the round's sent
 * responses and to what was shown before, records a new release when it makes one, locks the
 * responses in it and keeps the round's snapshot (what the SWV and benchmarks read) equal to it.
 */

export type DisclosedRound =
	| { state: 'open'; score: RoundScore }
	| { state: 'too-few'; score: RoundScore }
	| {
			state: 'shown';
			score: RoundScore;
			shownAt: Date;
			/** The sent responses behind the figures (for their comments). */
			memberIds: number[];
			/** Sent responses not yet in the figures, and how many more the update needs. */
			pending: { newSince: number; needed: number } | null;
	  };

/** A score that shows only how many sent: before the minimum, or while the round is open. */
export function participationOnly(sent: number, minRespondents: number): RoundScore {
	const min = effectiveMinimum(minRespondents);
	return {
		respondents: sent,
		disclosure: 'hidden',
		needed: Math.max(0, min - sent),
		themes: [],
		overall: { score: null, level: null },
		minRespondents: min,
		groups: [],
		groupsFolded: false
	};
}

const sentStatements = new WeakMap<Db, ReturnType<Db['$client']['prepare']>>();

/** The round's sent responses with their answers: one query, read as plain rows (hot path). */
function sentResponses(db: Db, roundId: number): SentResponse[] {
	let statement = sentStatements.get(db);
	if (!statement)
		sentStatements.set(
			db,
			(statement = db.$client
				.prepare(
					`select r.id, r.respondent_group, a.item_id, a.value from response r
					 left join answer a on a.response_id = r.id
					 where r.round_id = ? and r.submitted_at is not null order by r.id`
				)
				.raw())
		);
	const out: SentResponse[] = [];
	let current: { id: number; group: string | null; answers: Record<string, number> } | undefined;
	for (const [id, group, itemId, value] of statement.all(roundId) as [
		number,
		string | null,
		string | null,
		number | null
	][]) {
		if (current?.id !== id) out.push((current = { id, group, answers: {} }));
		if (itemId !== null && value !== null) current.answers[itemId] = value;
	}
	return out;
}

/** These responses with their answers, sent or not. */
function responsesByIds(db: Db, ids: number[]): SentResponse[] {
	const rows = db
		.select({ id: response.id, group: response.respondentGroup })
		.from(response)
		.where(inArray(response.id, ids))
		.all();
	return rows.map((r) => ({
		id: r.id,
		group: r.group,
		answers: Object.fromEntries(
			db
				.select({ itemId: answer.itemId, value: answer.value })
				.from(answer)
				.where(eq(answer.responseId, r.id))
				.all()
				.map((a) => [a.itemId, a.value])
		)
	}));
}

function contextOf(db: Db, r: RoundRow) {
	return r.schoolId
		? (db.select({ t: school.schoolType }).from(school).where(eq(school.id, r.schoolId)).get()?.t ??
				'swv')
		: 'swv';
}

/** Writes the round's snapshot from what it shows (replacing an older one). */
function writeSnapshot(db: Db, roundId: number, score: RoundScore) {
	const shown = score.disclosure !== 'hidden';
	const row = {
		roundId,
		respondents: score.respondents,
		disclosure: score.disclosure,
		themes: shown ? Object.fromEntries(score.themes.map((t) => [t.themeId, t.score])) : {},
		items: shown
			? Object.fromEntries(
					score.themes.flatMap((t) =>
						t.items.map((i) => [i.itemId, { mean: i.mean, meanOnScale: i.meanOnScale, n: i.n }])
					)
				)
			: {}
	};
	db.insert(roundSnapshot)
		.values(row)
		.onConflictDoUpdate({ target: roundSnapshot.roundId, set: row })
		.run();
}

/** What the round shows now, to anyone; see the module comment. */
export function disclosedRound(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow,
	now = Date.now()
): DisclosedRound {
	const q = registry.get(r.questionnaireId, r.questionnaireVersion);
	if (!q) throw new Error(`Vragenlijst ${r.questionnaireId} v${r.questionnaireVersion} ontbreekt.`);
	const context = contextOf(db, r);
	// The lifecycle decides whether results may show at all: never while the round is open.
	const showable = transition(
		lifecycleState(r, () => false),
		{ kind: 'show-results', now }
	).ok;
	if (!showable)
		return {
			state: 'open',
			score: participationOnly(submittedCount(db, r.id), r.minRespondents)
		};
	return db.transaction(() => {
		const sent = sentResponses(db, r.id);
		const releases = db
			.select()
			.from(roundRelease)
			.where(eq(roundRelease.roundId, r.id))
			.orderBy(asc(roundRelease.id))
			.all();
		const earlier: ReleaseRecord[] = releases.map((x) => ({ members: x.members, mask: x.mask }));
		// Releases recorded before only sent responses counted may hold unsent ones: they stay part
		// of what was shown.
		const sentIds = new Set(sent.map((x) => x.id));
		const unsentIds = [
			...new Set(
				releases.flatMap((x) => x.members.map(([id]) => id)).filter((id) => !sentIds.has(id))
			)
		];
		const shownUnsent = unsentIds.length ? responsesByIds(db, unsentIds) : [];
		// A release is shown with the statements of the school type it was decided for; after a
		// change of type the round keeps showing it and makes no new one.
		const decided = releases.at(-1)?.mask.context;
		const decision =
			decided && decided !== context
				? ({ kind: 'latest', newSince: 0, needed: 0 } as const)
				: decideDisclosure(q, context, r.minRespondents, false, sent, earlier, shownUnsent);
		const hasSnapshot = !!db
			.select({ id: roundSnapshot.roundId })
			.from(roundSnapshot)
			.where(eq(roundSnapshot.roundId, r.id))
			.get();
		if (decision.kind === 'open' || decision.kind === 'too-few') {
			const score = participationOnly(sent.length, r.minRespondents);
			if (!hasSnapshot) writeSnapshot(db, r.id, score);
			return { state: 'too-few', score } as const;
		}
		let release = releases.at(-1)!;
		if (decision.kind === 'new') {
			release = db
				.insert(roundRelease)
				.values({
					roundId: r.id,
					members: decision.release.members.map(([id, g]) => [id, g]),
					mask: { ...decision.release.mask, context } as typeof roundRelease.$inferInsert.mask
				})
				.returning()
				.get();
			const ids = release.members.map(([id]) => id);
			for (let i = 0; i < ids.length; i += 500)
				db.update(response)
					.set({ lockedAt: new Date(now) })
					.where(and(inArray(response.id, ids.slice(i, i + 500)), isNull(response.lockedAt)))
					.run();
		}
		const memberIds = new Set(release.members.map(([id]) => id));
		const members = [...sent, ...shownUnsent].filter((x) => memberIds.has(x.id));
		const shownContext = release.mask.context ?? context;
		const score = scoreRound(
			q,
			shownContext,
			tallyRespondents(q, shownContext, members),
			r.minRespondents,
			release.mask
		);
		if (decision.kind === 'new' || !hasSnapshot) writeSnapshot(db, r.id, score);
		return {
			state: 'shown',
			score,
			shownAt: release.shownAt,
			memberIds: [...memberIds],
			pending:
				decision.kind === 'latest' && decision.newSince > 0
					? { newSince: decision.newSince, needed: decision.needed }
					: null
		} as const;
	});
}

/** Whether any figures of the round were ever shown. */
export function hasRelease(db: Db, roundId: number): boolean {
	return !!db
		.select({ id: roundRelease.id })
		.from(roundRelease)
		.where(eq(roundRelease.roundId, roundId))
		.get();
}
