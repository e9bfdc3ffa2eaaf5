import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { organisationsOf } from '$lib/server/accounts/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const me = requireUser(locals, url);
	return {
		isAdmin: me.isAdmin,
		...organisationsOf(getDb(), me),
		welcome: url.searchParams.has('welkom')
	};
};
