import type { ScanContext } from './school-type';
import {
	isOnScale,
	scaleFor,
	themesFor,
	visibleItemIds,
	type Answers
} from './questionnaire/model';
import type { Item, Questionnaire } from './questionnaire/schema';

/**
 * What a respondent sees and may save, derived from the pinned questionnaire version, the
 * school type and the answers so far. The server checks every save with these functions, and the
 * pages render from them, so the browser and the server never disagree on what applies.
 */

export const MAX_COMMENT_LENGTH = 2000;

export interface RespondentItem {
	id: string;
	text: string;
	help?: string;
	options: { value: number; label: string; dontKnow: boolean }[];
	/** Set when the item shows only after an earlier answer. */
	visibleIf?: { item: string; in: number[] };
	visible: boolean;
	value: number | null;
}

export interface RespondentTheme {
	number: number;
	id: string;
	title: string;
	intro: string;
	comment?: { label: string };
	items: RespondentItem[];
	answered: number;
	/** Visible items only. */
	total: number;
}

export interface RespondentView {
	themes: RespondentTheme[];
	answered: number;
	total: number;
}

export function respondentView(
	q: Questionnaire,
	context: ScanContext,
	answers: Answers
): RespondentView {
	const visible = visibleItemIds(q, context, answers);
	const themes = themesFor(q, context).map(({ theme, items }, i): RespondentTheme => {
		const shown = items.map((item): RespondentItem => ({
			id: item.id,
			text: item.text,
			help: item.help,
			options: scaleFor(q, item).options.map((o) => ({
				value: o.value,
				label: o.label,
				dontKnow: Boolean(o.dontKnow)
			})),
			visibleIf: item.visibleIf,
			visible: visible.has(item.id),
			value: visible.has(item.id) ? (answers[item.id] ?? null) : null
		}));
		const live = shown.filter((s) => s.visible);
		return {
			number: i + 1,
			id: theme.id,
			title: theme.title,
			intro: theme.intro,
			comment: theme.comment,
			items: shown,
			answered: live.filter((s) => s.value !== null).length,
			total: live.length
		};
	});
	return {
		themes,
		answered: themes.reduce((n, t) => n + t.answered, 0),
		total: themes.reduce((n, t) => n + t.total, 0)
	};
}

/** The items that apply to this context, by id. */
export function applicableItems(q: Questionnaire, context: ScanContext): Map<string, Item> {
	return new Map(
		themesFor(q, context).flatMap(({ items }) => items.map((i) => [i.id, i] as const))
	);
}

export type SaveCheck = { ok: true; hidden: string[] } | { ok: false; message: string };

/**
 * Checks one answer against the pinned version and the answers so far. On success, `hidden`
 * lists the items that this answer hides (their stored answers no longer count and are removed).
 */
export function checkAnswer(
	q: Questionnaire,
	context: ScanContext,
	answers: Answers,
	itemId: string,
	value: number
): SaveCheck {
	const item = q.themes.flatMap((t) => t.items).find((i) => i.id === itemId);
	if (!item) return { ok: false, message: 'Deze stelling bestaat niet in deze vragenlijst.' };
	const applicable = applicableItems(q, context);
	if (!applicable.has(itemId)) {
		return { ok: false, message: 'Deze stelling geldt niet voor dit type school.' };
	}
	if (!Number.isInteger(value) || !isOnScale(scaleFor(q, item), value)) {
		return { ok: false, message: 'Dit antwoord staat niet op de schaal van deze stelling.' };
	}
	if (!visibleItemIds(q, context, answers).has(itemId)) {
		return { ok: false, message: 'Deze stelling is door een eerder antwoord niet van toepassing.' };
	}
	const after = visibleItemIds(q, context, { ...answers, [itemId]: value });
	const hidden = Object.keys(answers).filter((id) => applicable.has(id) && !after.has(id));
	return { ok: true, hidden };
}

export function checkComment(
	q: Questionnaire,
	context: ScanContext,
	themeId: string,
	text: string
): { ok: true } | { ok: false; message: string } {
	const theme = themesFor(q, context).find((t) => t.theme.id === themeId)?.theme;
	if (!theme?.comment) return { ok: false, message: 'Bij dit thema hoort geen toelichting.' };
	if (text.length > MAX_COMMENT_LENGTH) {
		return { ok: false, message: `Een toelichting is hoogstens ${MAX_COMMENT_LENGTH} tekens.` };
	}
	return { ok: true };
}

/** Resume codes: 8 characters without look-alikes (no 0/O, 1/I), shown as `K7P2-9XQM`. */
export const RESUME_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function formatResumeCode(raw: string): string {
	return `${raw.slice(0, 4)}-${raw.slice(4, 8)}`;
}

/** What a person typed, as the stored form: upper case, without spaces or dashes. */
export function normalizeResumeCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== 8) return null;
	for (const c of code) if (!RESUME_ALPHABET.includes(c)) return null;
	return code;
}

/** Where a respondent continues: the first theme with an unanswered statement, else the review. */
export function nextStep(view: RespondentView): { theme: number } | 'review' {
	const open = view.themes.find((t) => t.answered < t.total);
	return open ? { theme: open.number } : 'review';
}
