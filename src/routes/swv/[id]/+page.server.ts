import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireUser, schoolsOfSwv, swvFor } from '$lib/server/access';
import { coordinatorsOf } from '$lib/server/coordinators';
import { fields, invalid, parseForm } from '$lib/server/form';
import { sendInvitation } from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = swvFor(db, me, Number(params.id));
	return {
		swv: { id: s.id, name: s.name, code: s.code, sector: s.sector },
		schools: schoolsOfSwv(db, s.id).map((x) => ({
			id: x.id,
			name: x.name,
			place: x.place,
			schoolType: x.schoolType,
			active: x.active
		})),
		...coordinatorsOf(db, { swvId: s.id })
	};
};

const inviteSchema = z.object({
	email: fields.email,
	/** "swv" for a co-coordinator of the SWV, or the id of one of its schools. */
	target: z.union([z.literal('swv'), fields.id], { error: 'Kies voor wie de uitnodiging is.' })
});

export const actions: Actions = {
	uitnodigen: async (event) => {
		const me = requireUser(event.locals, event.url);
		const db = getDb();
		const s = swvFor(db, me, Number(event.params.id));
		const parsed = await parseForm(event.request, inviteSchema, ['email', 'target']);
		if ('failure' in parsed) return parsed.failure;
		const { email, target } = parsed.data;
		let to: Parameters<typeof sendInvitation>[3];
		if (target === 'swv') to = { scope: 'swv', swvId: s.id };
		else {
			const school = schoolsOfSwv(db, s.id).find((x) => x.id === target);
			if (!school)
				return invalid(400, {
					message: 'Controleer de gemarkeerde velden.',
					errors: { target: 'Deze school hoort niet bij dit samenwerkingsverband.' },
					values: { email }
				});
			to = { scope: 'school', schoolId: school.id };
		}
		if (!(await sendInvitation(db, me, email, to, event.url.origin))) {
			return invalid(409, {
				message: `${email} heeft deze rol al.`,
				errors: {},
				values: { email }
			});
		}
		return { invited: email };
	}
};
