import { error } from '@sveltejs/kit';
import { respondentView } from '$lib/domain/respondent';
import { isSchoolType, SCHOOL_TYPES, type ScanContext } from '$lib/domain/school-type';
import { getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import type { PageServerLoad } from './$types';

/** A questionnaire version as a respondent of one school type sees it; nothing is saved. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	requireUser(locals, url);
	const registry = getQuestionnaires();
	const q = /^\d+$/.test(params.version)
		? registry.get(params.questionnaire, Number(params.version))
		: undefined;
	if (!q) error(404, 'Deze vragenlijst of versie bestaat niet.');
	const asked = url.searchParams.get('schooltype') ?? 'po';
	const context: ScanContext = q.audience === 'swv' ? 'swv' : isSchoolType(asked) ? asked : 'po';
	const view = respondentView(q, context, {});
	const n = Math.min(Math.max(Number(url.searchParams.get('thema')) || 1, 1), view.themes.length);
	return {
		q: { id: q.id, version: q.version, title: q.title, audience: q.audience },
		versions: registry.versions(q.id).map((v) => v.version),
		context,
		schoolTypes: q.audience === 'swv' ? [] : SCHOOL_TYPES,
		themes: view.themes.map((t) => ({ number: t.number, title: t.title, total: t.total })),
		theme: view.themes[n - 1]!,
		total: view.total
	};
};
