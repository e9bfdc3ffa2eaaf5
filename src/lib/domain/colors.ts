/**
 * The app's colours, in one place: the web pages get them as CSS custom properties (the root
 * layout writes `colorTokensCss()` into the page head), the charts on the pages and in the PDF
 * reports and the PDF's text and tables use these constants, so that everything reads the same.
 * Every text colour passes WCAG AA (4.5:1) on its background; every chart also names its levels
 * in text.
 */

/** Basis tokens, named after the NL Design System's pattern: `--spo-color-<kebab-case name>`. */
export const UI_COLORS = {
	text: '#1b1f24',
	textMuted: '#4a5562',
	bg: '#ffffff',
	surface: '#f3f5f7',
	border: '#8a96a3',
	borderSubtle: '#d5dbe1',
	primary: '#1d4f7c',
	primaryHover: '#163d60',
	primaryContrast: '#ffffff',
	/** Background of a chosen answer option. */
	primarySurface: '#e8f0f7',
	link: '#1d4f7c',
	linkVisited: '#5b2a86',
	focus: '#ffbf47',
	focusInk: '#0b0c0c',
	error: '#b3261e',
	errorSurface: '#fdf0ef',
	success: '#1e6b34',
	successSurface: '#eef7f0',
	notice: '#fff4d6',
	noticeBorder: '#b45309'
} as const;

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

/** The marker of "this school" among other schools' dots. */
export const HIGHLIGHT_COLOR = '#e8a33d';

/** Colours dark enough to carry white text (a label inside a bar). */
export const takesWhiteText = (color: string): boolean =>
	color === LEVEL_COLORS.verkennen || color === LEVEL_COLORS.borgen || color === UI_COLORS.primary;

/** Series side by side (respondent groups, school years); every second one is also dashed. */
export const SERIES_COLORS: readonly string[] = [
	'#1d4f7c',
	'#e8a33d',
	'#7fb3d5',
	'#5b2a86',
	'#1e6b34'
];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The colours as CSS custom properties: `--spo-color-text`, …, `--spo-level-verkennen`, …. */
export function colorTokensCss(): string {
	const tokens = [
		...Object.entries(UI_COLORS).map(([k, v]) => `--spo-color-${kebab(k)}:${v}`),
		...Object.entries(LEVEL_COLORS).map(([k, v]) => `--spo-level-${k}:${v}`),
		...Object.entries(LEVEL_TINTS).map(([k, v]) => `--spo-level-tint-${k}:${v}`)
	];
	return `:root{${tokens.join(';')}}`;
}
