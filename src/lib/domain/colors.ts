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

export const levelColor = (id: string | null | undefined): string =>
	(id && LEVEL_COLORS[id]) || '#1d4f7c';
