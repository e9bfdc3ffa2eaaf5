import { swvFor } from '$lib/server/auth/access';
import { memberRoute } from '$lib/server/accounts/member-forms';
import type { Actions, PageServerLoad } from './$types';

/** The SWV's coordinators, managed by themselves (admins manage SWVs under /beheer). */
const route = memberRoute((db, me, params) => ({
	scope: 'swv',
	swv: swvFor(db, me, Number(params.id))
}));

export const load: PageServerLoad = route.load;

export const actions: Actions = {
	verwijderen: route.verwijderen,
	intrekken: route.intrekken
};
