import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { participation } from '$lib/domain/disclosure';
import {
	companionInvitation,
	companionMinimum,
	companionPrivacy,
	companionsOf,
	respondentWords,
	COMPANION_MINIMUM
} from '$lib/domain/companion';
import type { RoundPatch } from '$lib/domain/round-lifecycle';
import type { RoundRow } from '../auth/access';
import { generateShareToken } from '../auth/tokens';
import type { Db } from '../db/open';
import { round } from '../db/schema';
import { markVersionUsed, type QuestionnaireRegistry } from '../questionnaires/registry';
import { applyRoundPatch, roundCounts, roundSchool } from './rounds';

/**
 * Companion rounds (`domain/companion.ts`): a second round beside a team round, for another
 * audience (parents), with its own questionnaire, link, minimum and counts, and the team round's
 * lifecycle. A companion has no page or buttons of its own: everything goes through its team
 * round, and the lifecycle applies every change to the pair in one transaction.
 */

/** The companion rounds of a team round, oldest first (none for most rounds). */
export function companionRounds(db: Db, teamRoundId: number): RoundRow[] {
	return db
		.select()
		.from(round)
		.where(eq(round.companionOfRoundId, teamRoundId))
		.orderBy(asc(round.id))
		.all();
}

/** The companion questionnaires a school may put out beside this team questionnaire. */
export function companionChoices(registry: QuestionnaireRegistry, teamQuestionnaireId: string) {
	return companionsOf(
		registry.loaded.map((l) => l.questionnaire),
		teamQuestionnaireId
	).map((q) => ({
		id: q.id,
		label: q.companion.label,
		minRespondents: companionMinimum(q.companion)
	}));
}

/**
 * The form fields that add a companion to a new round: `companion` (the companion
 * questionnaire's id, when ticked) and `companionMinRespondents` (at least 5).
 */
export function companionFields(registry: QuestionnaireRegistry, teamQuestionnaireId: string) {
	const ids = companionChoices(registry, teamQuestionnaireId).map((c) => c.id);
	return {
		companion: z
			.string()
			.max(60)
			.optional()
			.refine((v) => !v || ids.includes(v), { error: 'Deze vragenlijst kan hier niet mee.' })
			.transform((v) => v || null),
		companionMinRespondents: z
			.string()
			.max(10)
			.optional()
			.transform((v, ctx) => {
				if (!v?.trim()) return null;
				const n = Number(v);
				if (!Number.isInteger(n)) {
					ctx.issues.push({ code: 'custom', input: v, message: 'Vul een heel getal in.' });
					return z.NEVER;
				}
				if (n < COMPANION_MINIMUM || n > 500) {
					ctx.issues.push({
						code: 'custom',
						input: v,
						message: `Minstens ${COMPANION_MINIMUM} en hoogstens 500: ouders zijn met velen.`
					});
					return z.NEVER;
				}
				return n;
			})
	};
}

/** Adds the companion round to a new team round; call in the transaction that made it. */
export function createCompanionRound(
	db: Db,
	registry: QuestionnaireRegistry,
	team: RoundRow,
	companionId: string,
	minRespondents: number | null
): number {
	const q = registry.latest(companionId);
	if (!q?.companion || q.companion.of !== team.questionnaireId)
		throw new Error(`${companionId} is geen vragenlijst naast ${team.questionnaireId}`);
	markVersionUsed(db, registry, q.id, q.version);
	return db
		.insert(round)
		.values({
			scope: team.scope,
			schoolId: team.schoolId,
			swvId: team.swvId,
			questionnaireId: q.id,
			questionnaireVersion: q.version,
			title: `${team.title} — ${q.companion.label}`,
			opensAt: team.opensAt,
			closesAt: team.closesAt,
			status: team.status,
			shareToken: generateShareToken(),
			minRespondents: Math.max(minRespondents ?? companionMinimum(q.companion), COMPANION_MINIMUM),
			askGroups: !!q.respondentGroups?.length,
			releasedAt: team.releasedAt,
			everReleased: team.everReleased,
			openedBySwv: team.openedBySwv,
			companionOfRoundId: team.id,
			createdBy: team.createdBy
		})
		.returning({ id: round.id })
		.get().id;
}

/**
 * The team round's lifecycle patch as it applies to its companions: the same state, dates and
 * sharing; a new answer link is the team's alone.
 */
export function applyToCompanions(db: Db, teamRoundId: number, patch: RoundPatch): RoundRow[] {
	const companions = companionRounds(db, teamRoundId);
	// A new answer link changes nothing else: then the companions have nothing to write.
	const changes = Object.entries(patch).some(([k, v]) => k !== 'newShareToken' && v !== undefined);
	if (changes)
		for (const c of companions) applyRoundPatch(db, c.id, { ...patch, newShareToken: false });
	return companions;
}

/** The round page's block per companion: its link, ready text, minimum and counts. */
export function companionBlocks(
	db: Db,
	registry: QuestionnaireRegistry,
	team: RoundRow,
	origin: string
) {
	const s = roundSchool(db, team);
	return companionRounds(db, team.id).flatMap((c) => {
		const q = registry.get(c.questionnaireId, c.questionnaireVersion);
		if (!q?.companion) return [];
		const link = `${origin}/s/${c.shareToken}`;
		const counts = roundCounts(db, c.id);
		return [
			{
				questionnaireId: q.id,
				label: q.companion.label,
				title: q.title,
				link,
				minRespondents: c.minRespondents,
				invitation: companionInvitation(q.companion.invitation, {
					link,
					closesAt: c.closesAt,
					minutes: q.minutes ?? 10,
					school: s?.name ?? ''
				}),
				counts: participation(q, counts, c.minRespondents)
			}
		];
	});
}

/** The share link of a team round's companion on this questionnaire, for its QR code. */
export function companionShareToken(
	db: Db,
	team: RoundRow,
	companionQuestionnaireId: string
): string | null {
	return (
		companionRounds(db, team.id).find((c) => c.questionnaireId === companionQuestionnaireId)
			?.shareToken ?? null
	);
}

/** The privacy text of every companion questionnaire (newest version), for the privacy page. */
export function companionPrivacyTexts(registry: QuestionnaireRegistry) {
	const seen = new Set<string>();
	return registry.loaded
		.map((l) => l.questionnaire)
		.sort((a, b) => b.version - a.version)
		.flatMap((q) => {
			if (!q.companion || seen.has(q.id)) return [];
			seen.add(q.id);
			return [
				{
					id: q.id,
					anchor: respondentWords(q).privacyAnchor ?? q.id,
					label: q.companion.label,
					// Every round of it has at least this minimum (never below 5).
					paragraphs: companionPrivacy(q.companion, COMPANION_MINIMUM)
				}
			];
		});
}
