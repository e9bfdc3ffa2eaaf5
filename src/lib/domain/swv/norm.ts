import type { Level } from '../questionnaire/schema';

/** The SWV's norm: per theme the level its basisondersteuning expects of every school. */

export function levelIndex(levels: readonly Level[], id: string | null | undefined): number {
	return levels.findIndex((l) => l.id === id);
}

export function meetsNorm(
	levels: readonly Level[],
	level: Level | null,
	norm: Level | null
): boolean | null {
	if (!level || !norm) return null;
	return levelIndex(levels, level.id) >= levelIndex(levels, norm.id);
}
