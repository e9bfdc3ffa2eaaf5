import { redirect } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { invitationRefusal, maySchool, requireUser, schoolFor } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { coordinatorsOf } from '$lib/server/accounts/coordinators';
import { round } from '$lib/server/db/schema';
import { fields, invalid, parseForm } from '$lib/server/http/form';
import { invitationFailure, sendInvitation } from '$lib/server/accounts/invitations';
import { defaultRoundTitle, roundForm } from '$lib/server/rounds/forms';
import { createRound, isRoundOpen, submittedCount } from '$lib/server/rounds/rounds';
import { INACTIVE_SCHOOL_MESSAGE } from '$lib/server/schools/status';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = schoolFor(db, me, Number(params.id), 'oversee');
	const coordinate = maySchool(db, me, s, 'coordinate');
	const versions = getQuestionnaires().versions('school-scan');
	return {
		school: {
			id: s.id,
			name: s.name,
			place: s.place,
			schoolType: s.schoolType,
			code: `${s.instellingscode}${s.vestiging}`
		},
		coordinate,
		rounds: coordinate
			? db
					.select()
					.from(round)
					.where(eq(round.schoolId, s.id))
					.orderBy(desc(round.opensAt))
					.all()
					.map((r) => ({
						id: r.id,
						title: r.title,
						open: isRoundOpen(r),
						opensAt: r.opensAt,
						closesAt: r.closesAt,
						submitted: submittedCount(db, r.id),
						released: !!r.releasedAt
					}))
			: [],
		versions: versions.map((q) => ({ version: q.version, title: q.title })),
		defaultTitle: defaultRoundTitle(),
		...coordinatorsOf(db, { scope: 'school', school: s }),
		// Whether this user may invite at all (the address is checked when it is sent).
		inviteRefusal: invitationRefusal(db, me, { scope: 'school', school: s }, '')
	};
};

export const actions: Actions = {
	uitnodigen: async (event) => {
		const me = requireUser(event.locals, event.url);
		const db = getDb();
		const s = schoolFor(db, me, Number(event.params.id), 'oversee');
		const parsed = await parseForm(event.request, z.object({ email: fields.email }), ['email']);
		if ('failure' in parsed) return parsed.failure;
		const { email } = parsed.data;
		const result = await sendInvitation(
			db,
			me,
			email,
			{ scope: 'school', school: s },
			event.url.origin
		);
		return invitationFailure(result, email) ?? { invited: email };
	},
	ronde: async ({ locals, url, params, request }) => {
		const me = requireUser(locals, url);
		const db = getDb();
		const s = schoolFor(db, me, Number(params.id), 'coordinate');
		if (!s.active) return invalid(409, { message: INACTIVE_SCHOOL_MESSAGE });
		const registry = getQuestionnaires();
		const parsed = await parseForm(request, roundForm(registry, 'school-scan'), [
			'title',
			'closesAt',
			'minRespondents'
		]);
		if ('failure' in parsed) return parsed.failure;
		const d = parsed.data;
		const id = createRound(
			db,
			registry,
			{
				scope: 'school',
				schoolId: s.id,
				swvId: s.swvId,
				questionnaireId: 'school-scan',
				openedBySwv: false
			},
			d,
			me.id
		);
		audit(
			db,
			me.id,
			'ronde.geopend',
			{ type: 'ronde', id },
			{ schoolId: s.id, version: d.version }
		);
		redirect(303, `/rondes/${id}`);
	}
};
