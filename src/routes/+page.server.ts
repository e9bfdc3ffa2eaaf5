import { getQuestionnaires } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const registry = getQuestionnaires();
	const school = registry.latest('school-scan');
	const swv = registry.latest('swv-scan');
	const count = (q: typeof school) => q?.themes.reduce((n, t) => n + t.items.length, 0) ?? 0;
	return {
		school: school && {
			version: school.version,
			minutes: school.minutes,
			items: count(school),
			themes: school.themes.map((t) => ({ id: t.id, title: t.title, intro: t.intro }))
		},
		swv: swv && { version: swv.version, items: count(swv), themes: swv.themes.length }
	};
};
