import { eq } from 'drizzle-orm';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { generateShareToken } from '$lib/server/auth/tokens';
import { round } from '$lib/server/db/schema';
import { roundResults } from '$lib/server/results/round-results';
import { applyRoundPatch, isRoundOpen, lifecycleState, roundFor } from '$lib/server/rounds/rounds';
import { hasRelease } from '$lib/server/results/disclosure';
import { transition } from '$lib/domain/round-lifecycle';
import { invalid, parseForm } from '$lib/server/http/form';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** A round's results for its coordinators, with the comments and the team's read-only link. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const r = roundFor(db, me, Number(params.id));
	return {
		...roundResults(db, getQuestionnaires(), r, true),
		teamLink: r.resultsToken ? `${url.origin}/uitkomsten/${r.resultsToken}` : null,
		release:
			r.scope === 'school'
				? {
						releasedAt: r.releasedAt,
						note: r.releaseNote ?? '',
						openedBySwv: r.openedBySwv,
						finished: !isRoundOpen(r),
						sharedView: `/scholen/${r.schoolId}/gedeeld?ronde=${r.id}`
					}
				: null
	};
};

const releaseForm = z.object({
	toelichting: z
		.string({ error: 'De toelichting kon niet worden gelezen.' })
		.trim()
		.max(1000, { error: 'Een toelichting is hoogstens 1000 tekens.' })
		.optional()
		.transform((v) => v || null)
});

/** A school round of this school's own coordinators; the SWV's own scan is not released. */
function schoolRound(event: Parameters<Actions[string]>[0]) {
	const me = requireUser(event.locals, event.url);
	const db = getDb();
	const r = roundFor(db, me, Number(event.params.id));
	return { me, db, r };
}

/** The round as the lifecycle rules see it. */
const stateOf = (db: ReturnType<typeof getDb>, r: typeof round.$inferSelect) =>
	lifecycleState(r, () => hasRelease(db, r.id));

export const actions: Actions = {
	/** Shares the round's results with the SWV, or changes the explanation beside them. */
	vrijgeven: async (event) => {
		const { me, db, r } = schoolRound(event);
		const t = transition(stateOf(db, r), { kind: 'share', now: Date.now() });
		if (!t.ok) return invalid(t.status, { message: t.message });
		const parsed = await parseForm(event.request, releaseForm, ['toelichting']);
		if ('failure' in parsed) return parsed.failure;
		const first = !r.releasedAt;
		db.transaction(() => {
			applyRoundPatch(db, r.id, t.patch);
			db.update(round)
				.set({ releaseNote: parsed.data.toelichting })
				.where(eq(round.id, r.id))
				.run();
		});
		audit(db, me.id, first ? 'ronde.gedeeld-met-swv' : 'ronde.toelichting-gewijzigd', {
			type: 'ronde',
			id: r.id
		});
		return {
			saved: first
				? 'De uitkomsten zijn gedeeld met het samenwerkingsverband.'
				: 'De toelichting is opgeslagen.'
		};
	},
	/** Takes back a release the school made itself; rounds the SWV opened stay shared. */
	'delen-stoppen': async (event) => {
		const { me, db, r } = schoolRound(event);
		const parsed = await parseForm(
			event.request,
			z.object({ bevestig: z.literal('ja', { error: 'Bevestig dat u wilt stoppen met delen.' }) })
		);
		if ('failure' in parsed) return parsed.failure;
		const t = transition(stateOf(db, r), { kind: 'stop-sharing' });
		if (!t.ok) return invalid(t.status, { message: t.message });
		applyRoundPatch(db, r.id, t.patch);
		audit(db, me.id, 'ronde.delen-gestopt', { type: 'ronde', id: r.id });
		return { saved: 'Het samenwerkingsverband ziet de uitkomsten van deze ronde niet meer.' };
	},
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
