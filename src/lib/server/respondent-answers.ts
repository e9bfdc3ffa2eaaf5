import { checkAnswer, checkComment } from '$lib/domain/respondent';
import { batchedWrite } from './db/batch';
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
): Promise<{ ok: true; hidden: string[] } | { ok: false; message: string }> {
	// Checked and written in one (group-committed) transaction, so the check sees the answers
	// the write builds on; resolved only once the answer is on disk.
	return batchedWrite(s.db, () => {
		const check = checkAnswer(s.q, s.context, answersOf(s.db, responseId), itemId, value);
		if (check.ok) storeAnswer(s.db, responseId, itemId, value, check.hidden);
		return check;
	});
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
