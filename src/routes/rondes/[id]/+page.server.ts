import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/access';
import { audit } from '$lib/server/audit';
import { eraseDeleted } from '$lib/server/db/erase';
import { generateShareToken } from '$lib/server/auth/tokens';
import { round } from '$lib/server/db/schema';
import { invalid, parseForm } from '$lib/server/form';
import { isRoundOpen, roundCounts, roundFor, roundSchool } from '$lib/server/rounds';
import { getQuestionnaires } from '$lib/server/app';
import { dropSnapshot, snapshotsOf, takeSnapshot } from '$lib/server/snapshots';
import type { Db } from '$lib/server/db/open';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function mine(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const me = requireUser(event.locals, event.url);
	const db = getDb();
	return { me, db, r: roundFor(db, me, Number(event.params.id)) };
}

/**
 * A finished round can be reopened (or extended) unless its results are shared with the SWV and
 * were shown: with more answers, the SWV could set the two versions side by side and work out
 * what the newcomers answered. Shared results below the minimum showed nothing, so those may.
 */
function canReopen(db: Db, r: typeof round.$inferSelect): boolean {
	if (isRoundOpen(r)) return false;
	// Shared once counts: stopping to share does not undo what the SWV has seen.
	if (!r.releasedAt && !r.everReleased) return true;
	return snapshotsOf(db, getQuestionnaires(), [r]).get(r.id)?.disclosure === 'hidden';
}
const NOT_REOPENABLE =
	'Deze ronde kan niet meer worden heropend of verlengd: de uitkomsten zijn gedeeld met het samenwerkingsverband. Open zo nodig een nieuwe ronde.';

export const load: PageServerLoad = (event) => {
	const { db, r } = mine(event);
	const s = roundSchool(db, r);
	const q = getQuestionnaires().get(r.questionnaireId, r.questionnaireVersion);
	const labels = new Map((q?.respondentGroups ?? []).map((g) => [g.id, g.label]));
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
			canReopen: canReopen(db, r),
			released: !!r.releasedAt || r.everReleased
		},
		unit: s
			? { name: s.name, href: `/school/${s.id}` }
			: { name: 'Eigen scan van het samenwerkingsverband', href: `/swv/${r.swvId}` },
		link: `${event.url.origin}/s/${r.shareToken}`,
		counts: {
			...counts,
			groups: counts.groups.map((g) => ({
				...g,
				label: g.group ? (labels.get(g.group) ?? g.group) : 'Geen functie opgegeven'
			}))
		}
	};
};

const dateForm = z.object({
	closesAt: z
		.string({ error: 'Vul een datum in.' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Vul een datum in, zoals 2026-12-18.' })
		.transform((v) => new Date(`${v}T23:59:59`))
		.refine((d) => !Number.isNaN(d.getTime()) && d.getTime() > Date.now(), {
			error: 'De nieuwe datum moet in de toekomst liggen.'
		})
});

export const actions: Actions = {
	sluiten: (event) => {
		const { me, db, r } = mine(event);
		if (r.status === 'closed') return invalid(409, { message: 'Deze ronde is al gesloten.' });
		// Closed and scored in one transaction: no snapshot without its closed round.
		db.transaction(() => {
			db.update(round)
				.set({ status: 'closed', closedAt: new Date() })
				.where(eq(round.id, r.id))
				.run();
			takeSnapshot(db, getQuestionnaires(), { ...r, status: 'closed' });
		});
		audit(db, me.id, 'ronde.gesloten', { type: 'ronde', id: r.id });
		return { saved: 'De ronde is gesloten. Er kunnen geen antwoorden meer worden gegeven.' };
	},
	heropenen: (event) => {
		const { me, db, r } = mine(event);
		if (!canReopen(db, r)) return invalid(409, { message: NOT_REOPENABLE });
		const closesAt = r.closesAt && r.closesAt.getTime() <= Date.now() ? null : r.closesAt;
		db.transaction(() => {
			db.update(round)
				.set({ status: 'open', closedAt: null, closesAt })
				.where(eq(round.id, r.id))
				.run();
			dropSnapshot(db, r.id);
		});
		audit(db, me.id, 'ronde.heropend', { type: 'ronde', id: r.id });
		return { saved: 'De ronde is weer open.' };
	},
	verlengen: async (event) => {
		const { me, db, r } = mine(event);
		const parsed = await parseForm(event.request, dateForm, ['closesAt']);
		if ('failure' in parsed) return parsed.failure;
		if (r.status === 'closed') return invalid(409, { message: 'Heropen de ronde eerst.' });
		// A round past its closing date is finished: extending it reopens it.
		if (!isRoundOpen(r) && !canReopen(db, r)) return invalid(409, { message: NOT_REOPENABLE });
		db.transaction(() => {
			db.update(round).set({ closesAt: parsed.data.closesAt }).where(eq(round.id, r.id)).run();
			dropSnapshot(db, r.id);
		});
		audit(db, me.id, 'ronde.verlengd', { type: 'ronde', id: r.id });
		return { saved: 'De sluitingsdatum is aangepast.' };
	},
	'nieuwe-link': (event) => {
		const { me, db, r } = mine(event);
		db.update(round).set({ shareToken: generateShareToken() }).where(eq(round.id, r.id)).run();
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
		const back = r.schoolId ? `/school/${r.schoolId}` : `/swv/${r.swvId}`;
		db.delete(round).where(eq(round.id, r.id)).run();
		eraseDeleted(db);
		audit(db, me.id, 'ronde.verwijderd', { type: 'ronde', id: r.id }, { title: r.title });
		redirect(303, `${back}?verwijderd`);
	}
};
