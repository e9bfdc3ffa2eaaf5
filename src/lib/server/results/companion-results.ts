import { sideBySide, type CompanionInput, type SideBySideTheme } from '$lib/domain/companion';
import type { RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { companionRounds } from '../rounds/companion';
import { roundComments } from './comments';
import { disclosedRound } from './disclosure';
import { snapshotsOf } from './snapshots';

/**
 * What a team round's companions (parents) show, each by its own disclosure (`disclosedRound`
 * of the companion round: sent responses only, its own minimum, no results while open, its own
 * releases against differencing). Comments only for the school's own coordinators.
 */
export function companionInputs(
	db: Db,
	registry: QuestionnaireRegistry,
	team: RoundRow,
	withComments: boolean
): CompanionInput[] {
	return companionRounds(db, team.id).flatMap((c) => {
		const q = registry.get(c.questionnaireId, c.questionnaireVersion);
		if (!q) return [];
		const shown = disclosedRound(db, registry, c);
		return [
			{
				questionnaire: q,
				result: { state: shown.state, score: shown.score },
				comments:
					withComments && shown.state === 'shown' ? roundComments(db, c.id, shown.memberIds) : {}
			}
		];
	});
}

/**
 * The companions' scores on one theme of the team round (for the conversation view): only
 * where the companion's own round shows figures and has that theme.
 */
export function companionScoresOn(
	db: Db,
	registry: QuestionnaireRegistry,
	team: RoundRow,
	themeId: string | null
): { label: string; respondents: number; score: number }[] {
	if (!themeId) return [];
	return companionInputs(db, registry, team, false).flatMap((c) => {
		const s = c.result.score;
		if (c.result.state !== 'shown' || s.disclosure === 'hidden') return [];
		const score = s.themes.find((x) => x.themeId === themeId)?.score ?? null;
		if (score === null) return [];
		const label = c.questionnaire.companion?.label ?? c.questionnaire.title;
		return [{ label, respondents: s.respondents, score }];
	});
}

/**
 * What the SWV sees of a shared team round's companions: per theme the parents' score beside
 * the team's, from the companion's snapshot (its own disclosure); never statements or comments.
 * Only companions shared with the team round, and only once their round shows figures.
 */
export function sharedCompanionScores(
	db: Db,
	registry: QuestionnaireRegistry,
	team: RoundRow,
	teamThemes: Record<string, number | null>,
	now = Date.now()
): SharedCompanion[] {
	const teamQ = registry.get(team.questionnaireId, team.questionnaireVersion);
	const shared = companionRounds(db, team.id).filter((c) => c.releasedAt);
	if (!teamQ || !shared.length) return [];
	const snaps = snapshotsOf(db, registry, shared, { now });
	return shared.flatMap((c) => {
		const q = registry.get(c.questionnaireId, c.questionnaireVersion);
		const snap = snaps.get(c.id);
		if (!q?.companion || !snap) return [];
		const hidden = snap.disclosure === 'hidden';
		const view = sideBySide(
			teamQ,
			{
				disclosure: 'means',
				themes: teamQ.themes.map((t) => ({ themeId: t.id, score: teamThemes[t.id] ?? null }))
			},
			q,
			{
				disclosure: snap.disclosure,
				respondents: snap.respondents,
				themes: q.themes.map((t) => ({ themeId: t.id, score: snap.themes[t.id] ?? null }))
			}
		);
		return [
			{
				label: q.companion.label,
				respondents: snap.respondents,
				minRespondents: c.minRespondents,
				hidden,
				mapped: hidden ? [] : view.mapped,
				own: hidden ? [] : view.own
			}
		];
	});
}

export interface SharedCompanion {
	label: string;
	respondents: number;
	minRespondents: number;
	hidden: boolean;
	mapped: SideBySideTheme[];
	own: { themeId: string; title: string; score: number | null }[];
}
