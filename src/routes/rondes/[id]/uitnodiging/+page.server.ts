import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { roundFor, roundQuestionnaire, roundSchool } from '$lib/server/rounds/rounds';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const r = roundFor(db, me, Number(params.id));
	const q = roundQuestionnaire(getQuestionnaires(), r);
	return {
		id: r.id,
		unitName: roundSchool(db, r)?.name ?? 'ons samenwerkingsverband',
		title: q.title,
		minutes: q.minutes ?? 15,
		closesAt: r.closesAt,
		link: `${url.origin}/s/${r.shareToken}`
	};
};
