/**
 * How the app writes dates, numbers and lists in Dutch: the one place for it, used by the pages,
 * the PDF reports and the exports alike, so that a figure reads the same everywhere. Moments are
 * shown in Dutch time whatever the server's or browser's time zone; a calendar day ("2026-11-23",
 * as stored for due dates) is a day, not a moment, and is never shifted.
 */

const TIME_ZONE = 'Europe/Amsterdam';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type DateValue = Date | string | number;

const DATE_STYLES = {
	/** "23 november 2026" */
	long: { day: 'numeric', month: 'long', year: 'numeric' },
	/** "23 nov 2026" (tables) */
	short: { day: 'numeric', month: 'short', year: 'numeric' },
	/** "maandag 23 november" (an invitation's closing day) */
	weekday: { weekday: 'long', day: 'numeric', month: 'long' }
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof DATE_STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions, timeZone: string, locale = 'nl-NL') {
	const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
	return f;
}

/** A calendar day stays that day; anything else is a moment, shown in Dutch time. */
function asMoment(value: DateValue): { date: Date; timeZone: string } {
	if (typeof value === 'string' && DAY.test(value))
		return { date: new Date(`${value}T00:00:00Z`), timeZone: 'UTC' };
	return { date: value instanceof Date ? value : new Date(value), timeZone: TIME_ZONE };
}

/** "23 november 2026" (or the given style); "—" when there is no date. */
export function formatDate(value: DateValue | null | undefined, style: DateStyle = 'long'): string {
	if (value === null || value === undefined) return '—';
	const { date, timeZone } = asMoment(value);
	return formatter(DATE_STYLES[style], timeZone).format(date);
}

/** "23 nov 2026, 14:05": a moment to the minute (the audit log). */
export function formatDateTime(value: DateValue): string {
	const { date, timeZone } = asMoment(value);
	return formatter({ dateStyle: 'medium', timeStyle: 'short' }, timeZone).format(date);
}

/** The calendar day of a moment in the Netherlands, as "2026-11-23" (file names, exports). */
export function isoDay(value: DateValue = new Date()): string {
	const { date, timeZone } = asMoment(value);
	return formatter({ year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone, 'en-CA').format(
		date
	);
}

/** The last second of a calendar day ("2026-12-18") in Dutch time: a closing date's moment. */
export function endOfDutchDay(day: string): Date {
	return dutchWallClock(day, '23:59:59');
}

/** The moment a Dutch clock shows `time` ("08:00:00") on a calendar day ("2026-12-18"). */
export function dutchWallClock(day: string, time: string): Date {
	const guess = Date.parse(`${day}T${time}Z`);
	if (Number.isNaN(guess)) return new Date(NaN);
	const parts: Record<string, number> = Object.fromEntries(
		formatter(
			{
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
				hourCycle: 'h23'
			},
			TIME_ZONE,
			'en-US'
		)
			.formatToParts(guess)
			.map((p) => [p.type, Number(p.value)])
	);
	const [y = 0, mo = 1, d = 1, h = 0, mi = 0, se = 0] = [
		'year',
		'month',
		'day',
		'hour',
		'minute',
		'second'
	].map((k) => parts[k]);
	const wall = Date.UTC(y, mo - 1, d, h, mi, se);
	return new Date(guess - (wall - guess));
}

/** The calendar day `days` after (or, negative, before) a calendar day: "2026-12-18" − 3 → "2026-12-15". */
export function addDays(day: string, days: number): string {
	const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
	return Number.isNaN(t) ? day : new Date(t).toISOString().slice(0, 10);
}

/** Year and month (1–12) of a moment in the Netherlands. */
export function yearMonth(value: DateValue): { year: number; month: number } {
	const [year, month] = isoDay(value).split('-').map(Number);
	return { year: year!, month: month! };
}

/** "3,0": a fixed number of decimals, Dutch comma (scores on the answer scale). */
export function formatFixed(x: number, digits = 1): string {
	return x.toLocaleString('nl-NL', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
}

/** "62,0" or "61,5": always `digits` decimals, for a column; "—" when there is no figure. */
export function formatColumn(x: number | null | undefined, digits = 1): string {
	return x === null || x === undefined ? '—' : formatFixed(x, digits);
}

/** "62,5" or "61": at most `digits` decimals, Dutch comma; "—" when there is no figure. */
export function formatNumber(x: number | null | undefined, digits = 1): string {
	return x === null || x === undefined
		? '—'
		: x.toLocaleString('nl-NL', { maximumFractionDigits: digits });
}

/** "62%" for a share of 0.62; "—" when there is none. */
export function formatPercent(share: number | null | undefined): string {
	return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** "A, B en C". */
export function formatList(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/**
 * A label in lines of at most `width` characters, broken between words (a chart's category
 * beside a bar on a phone); past `maxLines` the last line ends in "…". A word longer than the
 * width stays whole.
 */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, Math.max(1, maxLines));
	// Room for the "…": drop the last line's last word, or cut a single long word.
	let end = kept[kept.length - 1]!;
	while (end.length + 1 > width && end.includes(' ')) end = end.slice(0, end.lastIndexOf(' '));
	kept[kept.length - 1] = `${end.length + 1 > width ? end.slice(0, width - 1) : end}…`;
	return kept;
}
