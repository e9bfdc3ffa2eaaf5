import type { Questionnaire } from './questionnaire/schema';

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

/** One action of a school's plan, as the report model receives it. */
export interface ActionInput {
	id: number;
	themeId: string;
	action: string;
	owner: string;
	dueOn: string | null;
	status: ActionStatus;
}

/** An action with its theme's title, for the page and the PDF. */
export const planEntry = (q: Questionnaire) => (i: ActionInput) => ({
	id: i.id,
	theme: q.themes.find((t) => t.id === i.themeId)?.title ?? i.themeId,
	themeId: i.themeId,
	action: i.action,
	owner: i.owner,
	dueOn: i.dueOn,
	status: i.status
});

export type PlanEntry = ReturnType<ReturnType<typeof planEntry>>;
