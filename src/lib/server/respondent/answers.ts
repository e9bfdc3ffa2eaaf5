import { checkAnswer, checkComment } from '$lib/domain/respondent';
import { batchedWrite } from '../db/batch';
import type { RespondentSession } from './session';
import { respondentQueries } from './queries';
import { answersOf, isRoundOpen, storeAnswer, storeComment } from '../rounds/rounds';

const CLOSED = {
	ok: false,
	message: 'Deze ronde is inmiddels gesloten; uw antwoord is niet meer opgeslagen.'
} as const;

export const LOCKED = {
	ok: false,
	message:
		'Uw antwoorden tellen al mee in uitkomsten van deze ronde die getoond zijn, en kunnen daarom niet meer veranderen.'
} as const;

/** A sent response that is part of a shown result: it may not change any more. */
export function isLocked(s: RespondentSession, responseId: number): boolean {
	return !!respondentQueries(s.db).responseLocked.get({ response: responseId })?.lockedAt;
}

/**
 * Whether the round still takes answers, read inside the write's transaction: a coordinator may
 * have closed it (and its results been fixed in a snapshot) since the request began.
 */
function stillOpen(s: RespondentSession): boolean {
	const state = respondentQueries(s.db).roundState.get({ id: s.round.id });
	return !!state && isRoundOpen(state);
}

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
		if (!stillOpen(s)) return CLOSED;
		if (isLocked(s, responseId)) return LOCKED;
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
	if (!stillOpen(s)) return CLOSED;
	if (isLocked(s, responseId)) return LOCKED;
	storeComment(s.db, responseId, themeId, text);
	return check;
}
