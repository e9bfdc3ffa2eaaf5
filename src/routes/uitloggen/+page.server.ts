import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { deleteSessionTokenCookie, invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

/** Signing out is a POST (a link could be followed by a crawler or a preloader). */
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: (event) => {
		if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
		deleteSessionTokenCookie(event);
		redirect(303, '/?uitgelogd');
	}
};
