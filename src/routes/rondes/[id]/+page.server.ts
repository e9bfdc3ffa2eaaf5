import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { eraseDeleted } from '$lib/server/db/erase';
import { round } from '$lib/server/db/schema';
import { invalid, parseForm } from '$lib/server/http/form';
import {
	applyRoundPatch,
	isRoundOpen,
	lifecycleState,
	roundCounts,
	roundFor,
	roundSchool
} from '$lib/server/rounds/rounds';
import { hasRelease } from '$lib/server/results/disclosure';
import { canReopen, transition } from '$lib/domain/round-lifecycle';
import { participation } from '$lib/domain/disclosure';
import { dropSnapshot, takeSnapshot } from '$lib/server/results/snapshots';
import type { Db } from '$lib/server/db/open';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function mine(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const me = requireUser(event.locals, event.url);
	const db = getDb();
	return { me, db, r: roundFor(db, me, Number(event.params.id)) };
}

/** The round as the lifecycle rules see it: did the SWV see figures of it? */
function stateOf(db: Db, r: typeof round.$inferSelect) {
	return lifecycleState(r, () => hasRelease(db, r.id));
}

export const load: PageServerLoad = (event) => {
	const { db, r } = mine(event);
	const s = roundSchool(db, r);
	const q = getQuestionnaires().get(r.questionnaireId, r.questionnaireVersion);
	const counts = roundCounts(db, r.id);
	return {
		round: {
			id: r.id,
			title: r.title,
			open: isRoundOpen(r),
			status: r.status,
			opensAt: r.opensAt,
			closesAt: r.closesAt,
			minRespondents: r.minRespondents,
			askGroups: r.askGroups,
			questionnaire: `${q?.title ?? r.questionnaireId}, versie ${r.questionnaireVersion}`,
			canReopen: canReopen(stateOf(db, r), Date.now()),
			released: !!r.releasedAt || r.everReleased
		},
		unit: s
			? { name: s.name, href: `/scholen/${s.id}` }
			: { name: 'Eigen scan van het samenwerkingsverband', href: `/swv/${r.swvId}` },
		link: `${event.url.origin}/s/${r.shareToken}`,
		counts: q
			? participation(q, counts, r.minRespondents)
			: { submitted: counts.submitted, unsent: counts.started - counts.submitted, groups: [] }
	};
};

const dateForm = z.object({
	closesAt: z
		.string({ error: 'Vul een datum in.' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Vul een datum in, zoals 2026-12-18.' })
		.transform((v) => new Date(`${v}T23:59:59`))
		.refine((d) => !Number.isNaN(d.getTime()), { error: 'Vul een bestaande datum in.' })
});

export const actions: Actions = {
	sluiten: (event) => {
		const { me, db, r } = mine(event);
		const t = transition(stateOf(db, r), { kind: 'close', now: Date.now() });
		if (!t.ok) return invalid(t.status, { message: t.message });
		// Closed and its result fixed in one transaction: no snapshot without its closed round.
		db.transaction(() => {
			applyRoundPatch(db, r.id, t.patch);
			takeSnapshot(db, getQuestionnaires(), { ...r, status: 'closed' });
		});
		audit(db, me.id, 'ronde.gesloten', { type: 'ronde', id: r.id });
		return { saved: 'De ronde is gesloten. Er kunnen geen antwoorden meer worden gegeven.' };
	},
	heropenen: (event) => {
		const { me, db, r } = mine(event);
		const t = transition(stateOf(db, r), { kind: 'reopen', now: Date.now() });
		if (!t.ok) return invalid(t.status, { message: t.message });
		db.transaction(() => {
			applyRoundPatch(db, r.id, t.patch);
			dropSnapshot(db, r.id);
		});
		audit(db, me.id, 'ronde.heropend', { type: 'ronde', id: r.id });
		return { saved: 'De ronde is weer open.' };
	},
	verlengen: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(event.request, dateForm, ['closesAt']);
		if ('failure' in parsed) return parsed.failure;
		const t = transition(stateOf(db, r), {
			kind: 'extend',
			now: Date.now(),
			closesAt: parsed.data.closesAt.getTime()
		});
		if (!t.ok)
			return t.status === 400
				? invalid(400, {
						message: 'De datum is niet opgeslagen.',
						errors: { closesAt: t.message },
						values: { closesAt: '' }
					})
				: invalid(t.status, { message: t.message });
		db.transaction(() => {
			applyRoundPatch(db, r.id, t.patch);
			dropSnapshot(db, r.id);
		});
		audit(db, me.id, 'ronde.verlengd', { type: 'ronde', id: r.id });
		return { saved: 'De sluitingsdatum is aangepast.' };
	},
	'nieuwe-link': (event) => {
		const { me, db, r } = mine(event);
		const t = transition(stateOf(db, r), { kind: 'new-link' });
		if (!t.ok) return invalid(t.status, { message: t.message });
		applyRoundPatch(db, r.id, t.patch);
		audit(db, me.id, 'ronde.nieuwe-link', { type: 'ronde', id: r.id });
		return {
			saved:
				'Er is een nieuwe link gemaakt; de oude link werkt niet meer. Wie al begonnen was, kan verder met de nieuwe link.'
		};
	},
	verwijderen: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(
			event.request,
			z.object({ bevestig: z.literal('verwijder', { error: 'Typ "verwijder" om te bevestigen.' }) })
		);
		if ('failure' in parsed) return parsed.failure;
		const back = r.schoolId ? `/scholen/${r.schoolId}` : `/swv/${r.swvId}`;
		db.delete(round).where(eq(round.id, r.id)).run();
		eraseDeleted(db);
		audit(db, me.id, 'ronde.verwijderd', { type: 'ronde', id: r.id }, { title: r.title });
		redirect(303, `${back}?verwijderd`);
	}
};
