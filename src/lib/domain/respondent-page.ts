import type { Answers } from './questionnaire/model';
import type { RespondentItem } from './respondent';

/* Kept apart from `respondent.ts` (type imports only), so the theme page's script stays small. */

/**
 * The statements of one theme page that show with the answers on it now: the rule of
 * `visibleItemIds`, applied in the browser while the respondent answers. An item whose condition
 * lies on another page keeps the verdict `respondentView` gave it (that answer cannot change here).
 */
export function visibleOnPage(
	items: readonly Pick<RespondentItem, 'id' | 'visibleIf' | 'visible'>[],
	answers: Answers
): Set<string> {
	const here = new Set(items.map((i) => i.id));
	const visible = new Set<string>();
	for (const item of items) {
		const rule = item.visibleIf;
		const shows = !rule
			? true
			: here.has(rule.item)
				? visible.has(rule.item) && rule.in.includes(answers[rule.item] ?? NaN)
				: item.visible;
		if (shows) visible.add(item.id);
	}
	return visible;
}
