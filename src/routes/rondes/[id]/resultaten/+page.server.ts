import { eq } from 'drizzle-orm';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { generateShareToken } from '$lib/server/auth/tokens';
import { round } from '$lib/server/db/schema';
import { roundResults } from '$lib/server/round-results';
import { roundFor } from '$lib/server/rounds';
import type { Actions, PageServerLoad } from './$types';

/** A round's results for its coordinators, with the comments and the team's read-only link. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const r = roundFor(db, me, Number(params.id));
	return {
		...roundResults(db, getQuestionnaires(), r, true),
		teamLink: r.resultsToken ? `${url.origin}/uitkomsten/${r.resultsToken}` : null
	};
};

export const actions: Actions = {
	/** A read-only link for the team: the results without the comments. */
	delen: ({ locals, url, params }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const r = roundFor(db, me, Number(params.id));
		db.update(round).set({ resultsToken: generateShareToken() }).where(eq(round.id, r.id)).run();
		audit(db, me.id, 'ronde.leeslink-gemaakt', { type: 'ronde', id: r.id });
		return {
			saved: 'Er is een leeslink voor het team gemaakt; een eerdere leeslink werkt niet meer.'
		};
	},
	intrekken: ({ locals, url, params }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const r = roundFor(db, me, Number(params.id));
		db.update(round).set({ resultsToken: null }).where(eq(round.id, r.id)).run();
		audit(db, me.id, 'ronde.leeslink-ingetrokken', { type: 'ronde', id: r.id });
		return { saved: 'De leeslink werkt niet meer.' };
	}
};
