import { checkAnswer, checkComment, nextStep, respondentView } from '$lib/domain/respondent';
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

/** Where this respondent continues: the first theme with an open statement, or the review. */
export function continueStep(s: RespondentSession, responseId: number) {
	return nextStep(respondentView(s.q, s.context, answersOf(s.db, responseId)));
}

export type PageSave =
	| { ok: false; errors: Record<string, string> }
	/** Saved; `appeared`: an answer made these statements on the page appear, show them first. */
	| { ok: true; appeared: string[]; themes: number };

/**
 * Saves a theme page sent without JavaScript (answers `a-<item>` and `comment`), each value
 * checked as a single save would be.
 */
export async function savePage(
	s: RespondentSession,
	responseId: number,
	themeNumber: number,
	form: FormData
): Promise<PageSave | null> {
	const before = respondentView(s.q, s.context, answersOf(s.db, responseId));
	const theme = before.themes[themeNumber - 1];
	if (!theme) return null;
	const errors: Record<string, string> = {};
	for (const item of theme.items) {
		const raw = form.get(`a-${item.id}`);
		if (raw === null || raw === '') continue;
		const saved =
			typeof raw === 'string' && /^-?\d{1,3}$/.test(raw)
				? await saveAnswer(s, responseId, item.id, Number(raw))
				: {
						ok: false as const,
						message: 'Dit antwoord staat niet op de schaal van deze stelling.'
					};
		if (!saved.ok) errors[item.id] = saved.message;
	}
	if (theme.comment) {
		const text = form.get('comment');
		if (typeof text === 'string') {
			const saved = saveComment(s, responseId, theme.id, text);
			if (!saved.ok) errors.comment = saved.message;
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	const after = respondentView(s.q, s.context, answersOf(s.db, responseId)).themes[
		themeNumber - 1
	]!;
	const appeared = after.items.filter((i, k) => i.visible && !theme.items[k]!.visible);
	return { ok: true, appeared: appeared.map((i) => i.id), themes: before.themes.length };
}
