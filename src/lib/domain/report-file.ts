import { isoDay } from './format';

/** "OBS De Regenboog" → "obs-de-regenboog": letters and digits only, accents dropped. */
export function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'rapport'
	);
}

/**
 * The PDF's file name: the school (or the SWV, for its own scan) and the day the round closed,
 * or today while it is still open, so a closed round's report keeps one name.
 */
export function reportFileName(name: string, closedAt: string | null, today: string): string {
	const day = closedAt ? isoDay(closedAt) : today;
	return `scan-passend-onderwijs-${slug(name)}-${day}.pdf`;
}
