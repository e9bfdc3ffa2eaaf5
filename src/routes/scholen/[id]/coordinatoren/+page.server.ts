import { schoolFor } from '$lib/server/auth/access';
import { memberRoute } from '$lib/server/accounts/member-forms';
import type { Actions, PageServerLoad } from './$types';

/** Who may act for the school: its coordinators manage them; its SWV and admins look on. */
const route = memberRoute((db, me, params) => ({
	scope: 'school',
	school: schoolFor(db, me, Number(params.id), 'oversee')
}));

export const load: PageServerLoad = route.load;

export const actions: Actions = {
	verwijderen: route.verwijderen,
	intrekken: route.intrekken
};
