/**
 * Text that users typed (names of people and schools) inside a mail sent from the app's address:
 * one line, without control or direction characters, at most `max` characters, and in quotes, so
 * that it can never start a paragraph or pass for the app's own words.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]+/gu;

export function oneLine(text: string, max = 120): string {
	const line = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function quoted(text: string, max?: number): string {
	return `“${oneLine(text, max).replace(/[“”"]/g, "'")}”`;
}

/** True when a name holds a line break or another control or direction character. */
export function hasUnsafeCharacters(text: string): boolean {
	return new RegExp(UNSAFE.source, 'u').test(text);
}
