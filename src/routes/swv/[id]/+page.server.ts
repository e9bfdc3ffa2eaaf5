import { redirect } from '@sveltejs/kit';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { audit } from '$lib/server/ops/audit';
import { round } from '$lib/server/db/schema';
import { startStatus } from '$lib/domain/swv-overview';
import { handedInPerRound } from '$lib/server/swv/picture';
import { defaultRoundTitle, roundForm } from '$lib/server/rounds/forms';
import { createRound, isRoundOpen, submittedCount } from '$lib/server/rounds/rounds';
import { requireUser, schoolsOfSwv, swvFor } from '$lib/server/auth/access';
import { coordinatorsOf } from '$lib/server/accounts/coordinators';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import { invitationFailure, sendInvitation } from '$lib/server/accounts/invitations';
import type { MemberTarget } from '$lib/server/auth/access';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	// All the SWV's rounds, once: its own scans and its schools' open rounds both come from it.
	const rounds = db
		.select()
		.from(round)
		.where(eq(round.swvId, s.id))
		.orderBy(desc(round.opensAt))
		.all();
	// Only sent responses count, for the SWV too: never how many began.
	const sent = handedInPerRound(db, and(eq(round.swvId, s.id), eq(round.scope, 'school')));
	const now = new Date();
	return {
		swv: { id: s.id, name: s.name, code: s.code, sector: s.sector },
		schools: schoolsOfSwv(db, s.id).map((x) => ({
			id: x.id,
			name: x.name,
			place: x.place,
			schoolType: x.schoolType,
			active: x.active,
			...startStatus(
				rounds
					.filter((r) => r.schoolId === x.id)
					.map((r) => ({
						opensAt: r.opensAt,
						open: isRoundOpen(r),
						sent: sent.get(r.id) ?? 0
					})),
				x.active,
				now
			)
		})),
		rounds: rounds
			.filter((r) => r.scope === 'swv')
			.map((r) => ({
				id: r.id,
				title: r.title,
				open: isRoundOpen(r),
				submitted: submittedCount(db, r.id)
			})),
		openSchoolRounds: new Set(
			rounds.filter((r) => r.scope === 'school' && isRoundOpen(r)).map((r) => r.schoolId)
		).size,
		swvVersions: getQuestionnaires()
			.versions('swv-scan')
			.map((q) => ({ version: q.version, title: q.title })),
		schoolVersions: getQuestionnaires()
			.versions('school-scan')
			.map((q) => ({ version: q.version, title: q.title })),
		defaultTitle: defaultRoundTitle(),
		...coordinatorsOf(db, { scope: 'swv', swv: s })
	};
};

const inviteSchema = z.object({
	email: fields.email,
	/** "swv" for a co-coordinator of the SWV, or the id of one of its schools. */
	target: z.union([z.literal('swv'), fields.id], { error: 'Kies voor wie de uitnodiging is.' })
});

/** An SWV coordinator's form that opens rounds: who, which SWV, and the parsed round fields. */
async function roundRequest(
	{ locals, url, params, request }: RequestEvent,
	questionnaireId: 'swv-scan' | 'school-scan'
) {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	const registry = getQuestionnaires();
	const parsed = await parseForm(request, roundForm(registry, questionnaireId), [
		'title',
		'closesAt',
		'minRespondents',
		'formulier'
	]);
	return { me, db, s, registry, parsed };
}

export const actions: Actions = {
	/** The SWV's own scan, answered by its staff, boards and OPR. */
	'eigen-ronde': async (event) => {
		const { me, db, s, registry, parsed } = await roundRequest(event, 'swv-scan');
		if ('failure' in parsed) return parsed.failure;
		const d = parsed.data;
		const id = createRound(
			db,
			registry,
			{ scope: 'swv', schoolId: null, swvId: s.id, questionnaireId: 'swv-scan', openedBySwv: true },
			d,
			me.id
		);
		audit(db, me.id, 'ronde.geopend', { type: 'ronde', id }, { swvId: s.id });
		redirect(303, `/rondes/${id}`);
	},
	/** One round for each chosen active school, same version and dates; shared with the SWV. */
	'ronde-scholen': async (event) => {
		const { me, db, s, registry, parsed } = await roundRequest(event, 'school-scan');
		if ('failure' in parsed) return parsed.failure;
		const d = parsed.data;
		const chosen = z
			.array(fields.id)
			.safeParse(parsed.form.getAll('scholen').filter((v) => typeof v === 'string'));
		const schools = schoolsOfSwv(db, s.id).filter(
			(x) => x.active && chosen.success && chosen.data.includes(x.id)
		);
		if (!chosen.success || schools.length === 0)
			return invalid(400, {
				message: 'Kies minstens één school van dit samenwerkingsverband.',
				errors: { scholen: 'Kies minstens één school.' },
				values: { formulier: 'scholen' }
			});
		db.transaction(() => {
			for (const school of schools) {
				createRound(
					db,
					registry,
					{
						scope: 'school',
						schoolId: school.id,
						swvId: s.id,
						questionnaireId: 'school-scan',
						openedBySwv: true
					},
					d,
					me.id
				);
			}
		});
		audit(
			db,
			me.id,
			'ronde.geopend-voor-scholen',
			{ type: 'swv', id: s.id },
			{ schools: schools.length }
		);
		return {
			saved: `Er is een ronde geopend voor ${schools.length} scholen. Hun coördinatoren zien de link op hun schoolpagina.`
		};
	},
	uitnodigen: async (event) => {
		const me = requireUser(event.locals, event.url);
		const db = getDb();
		const s = swvFor(db, me, Number(event.params.id));
		const parsed = await parseForm(event.request, inviteSchema, ['email', 'target']);
		if ('failure' in parsed) return parsed.failure;
		const { email, target } = parsed.data;
		let to: MemberTarget;
		if (target === 'swv') to = { scope: 'swv', swv: s };
		else {
			const school = schoolsOfSwv(db, s.id).find((x) => x.id === target);
			if (!school)
				return invalid(400, {
					message: 'Controleer de gemarkeerde velden.',
					errors: { target: 'Deze school hoort niet bij dit samenwerkingsverband.' },
					values: { email }
				});
			to = { scope: 'school', school };
		}
		const result = await sendInvitation(db, me, email, to, event.url.origin);
		return invitationFailure(result, email) ?? { invited: email };
	}
};
