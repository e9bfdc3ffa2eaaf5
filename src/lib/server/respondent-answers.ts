import { checkAnswer, checkComment } from '$lib/domain/respondent';
import type { RespondentSession } from './respondent';
import { answersOf, storeAnswer, storeComment } from './rounds';

/**
 * Saves one answer after checking it against the pinned questionnaire version and the answers so
 * far; returns the Dutch reason when it is refused (nothing is stored then).
 */
export function saveAnswer(
	s: RespondentSession,
	responseId: number,
	itemId: string,
	value: number
): { ok: true; hidden: string[] } | { ok: false; message: string } {
	const answers = answersOf(s.db, responseId);
	const check = checkAnswer(s.q, s.context, answers, itemId, value);
	if (!check.ok) return check;
	storeAnswer(s.db, responseId, itemId, value, check.hidden);
	return check;
}

export function saveComment(
	s: RespondentSession,
	responseId: number,
	themeId: string,
	text: string
): { ok: true } | { ok: false; message: string } {
	const check = checkComment(s.q, s.context, themeId, text);
	if (!check.ok) return check;
	storeComment(s.db, responseId, themeId, text);
	return check;
}
