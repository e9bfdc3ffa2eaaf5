import { yearMonth } from './format';

/**
 * The title the new-round form proposes: "Scan voorjaar 2027" (January–July) or "Scan najaar
 * 2027", by the Dutch calendar. When the school (or SWV) already has a round by that name
 * (whatever its case), the proposal is the first of "… (2)", "… (3)" that is free: two rounds that
 * read the same in every list are easy to mix up. (Not the next season's name: in March,
 * "Scan najaar" would be a wrong proposal.)
 */
export function defaultRoundTitle(
	now: Date = new Date(),
	existing: readonly string[] = []
): string {
	const taken = new Set(existing.map((t) => t.trim().toLocaleLowerCase('nl-NL')));
	const free = (t: string) => !taken.has(t.toLocaleLowerCase('nl-NL'));
	const { year, month } = yearMonth(now);
	const title = `Scan ${month <= 7 ? 'voorjaar' : 'najaar'} ${year}`;
	if (free(title)) return title;
	for (let n = 2; ; n++) if (free(`${title} (${n})`)) return `${title} (${n})`;
}
