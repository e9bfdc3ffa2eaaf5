import type { CompanionInput } from '$lib/domain/companion';
import type { RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { companionRounds } from '../rounds/companion';
import { roundComments } from './comments';
import { disclosedRound } from './disclosure';

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
