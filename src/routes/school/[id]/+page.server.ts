import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { mayInvite, requireUser, schoolFor } from '$lib/server/access';
import { coordinatorsOf } from '$lib/server/coordinators';
import { fields, invalid, parseForm } from '$lib/server/form';
import { sendInvitation } from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const s = schoolFor(db, me, Number(params.id), 'oversee');
	return {
		school: {
			id: s.id,
			name: s.name,
			place: s.place,
			schoolType: s.schoolType,
			code: `${s.instellingscode}${s.vestiging}`
		},
		...coordinatorsOf(db, { schoolId: s.id })
	};
};

export const actions: Actions = {
	uitnodigen: async (event) => {
		const me = requireUser(event.locals, event.url);
		const db = getDb();
		const s = schoolFor(db, me, Number(event.params.id), 'oversee');
		if (!mayInvite(db, me, { scope: 'school', school: s }))
			return invalid(404, { message: 'Niet gevonden.', errors: {}, values: {} });
		const parsed = await parseForm(event.request, z.object({ email: fields.email }), ['email']);
		if ('failure' in parsed) return parsed.failure;
		const sent = await sendInvitation(
			db,
			me,
			parsed.data.email,
			{ scope: 'school', schoolId: s.id },
			event.url.origin
		);
		if (!sent)
			return invalid(409, {
				message: `${parsed.data.email} is al coördinator van deze school.`,
				errors: {},
				values: { email: parsed.data.email }
			});
		return { invited: parsed.data.email };
	}
};
