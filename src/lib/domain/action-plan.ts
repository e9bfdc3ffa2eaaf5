/** A school's action plan focuses on at most three themes. */
export const MAX_PLAN_THEMES = 3;

export const ACTION_STATUSES = ['planned', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
	planned: 'Gepland',
	doing: 'Bezig',
	done: 'Klaar'
};

/** May an action on `themeId` be added to a plan that already covers `planThemes`? */
export function mayAddTheme(planThemes: readonly string[], themeId: string): boolean {
	const themes = new Set(planThemes);
	return themes.has(themeId) || themes.size < MAX_PLAN_THEMES;
}
