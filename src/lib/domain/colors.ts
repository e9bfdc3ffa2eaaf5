/**
 * Colours of the levels and answer options, shared by the charts on the web pages and in the PDF
 * reports so that both read the same. Every chart also names its levels in text.
 */
export const LEVEL_COLORS: Readonly<Record<string, string>> = {
	verkennen: '#b3261e',
	ontwikkelen: '#b45309',
	functioneren: '#2f6f9f',
	borgen: '#1e6b34'
};

/** Light tints of the level colours, for table cells with dark text (contrast above 7:1). */
export const LEVEL_TINTS: Readonly<Record<string, string>> = {
	verkennen: '#fbe4e2',
	ontwikkelen: '#fcebd5',
	functioneren: '#deebf5',
	borgen: '#ddefe1'
};

/** Answer options from "niet" to "volledig"; "weet ik niet" is grey and dashed. */
export const OPTION_COLORS: readonly string[] = ['#b3261e', '#e8a33d', '#7fb3d5', '#1e6b34'];
export const DONT_KNOW_COLOR = '#c5ccd3';

/** Series side by side (respondent groups, school years); every second one is also dashed. */
export const SERIES_COLORS: readonly string[] = [
	'#1d4f7c',
	'#e8a33d',
	'#7fb3d5',
	'#5b2a86',
	'#1e6b34'
];

/** Text, axes and bar outlines in charts (the page's text colour). */
export const TEXT_COLOR = '#1b1f24';
