import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb } from '$lib/server/app';
import { acceptanceRefusal } from '$lib/server/auth/access';
import { hashPassword } from '$lib/server/auth/password';
import { signIn } from '$lib/server/auth/sign-in';
import { user } from '$lib/server/db/schema';
import { fields, invalid, parseForm, withNewPassword } from '$lib/server/http/form';
import {
	acceptInvitation,
	findInvitation,
	invitationTargetName,
	type AcceptResult
} from '$lib/server/accounts/invitations';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES = {
	verlopen: 'Deze uitnodiging is verlopen. Vraag degene die u uitnodigde om een nieuwe.',
	gebruikt: 'Deze uitnodiging is al gebruikt. Log in met uw account.',
	ingetrokken:
		'Deze uitnodiging is ingetrokken of vervangen door een nieuwere. Gebruik de link uit de laatste e-mail.'
} as const;

function validInvitation(token: string) {
	const db = getDb();
	const found = findInvitation(db, token);
	if (!found)
		error(404, 'Deze uitnodiging bestaat niet. Controleer of u de hele link heeft gebruikt.');
	if (found.state !== 'geldig') error(410, MESSAGES[found.state]);
	const account = db.select().from(user).where(eq(user.email, found.inv.email)).get();
	return { db, inv: found.inv, account };
}

export const load: PageServerLoad = ({ params, locals }) => {
	const { db, inv, account } = validInvitation(params.token);
	return {
		email: inv.email,
		what: invitationTargetName(db, inv),
		hasAccount: !!account,
		signedInAs: locals.user?.email ?? null,
		// Said before anyone fills in the form (accepting checks it again).
		refusal: acceptanceRefusal(db, inv, inv.email)
	};
};

const newAccount = withNewPassword({ name: fields.name });

const refused = (result: Exclude<AcceptResult, { ok: true }>) =>
	invalid(result.status, { message: result.message });

export const actions: Actions = {
	/** An existing account, signed in with the invited address, takes on the role. */
	aannemen: ({ params, locals }) => {
		const { db, inv, account } = validInvitation(params.token);
		if (!locals.user || !account || locals.user.id !== account.id) {
			return invalid(403, {
				message: `Log eerst in met ${inv.email} om deze uitnodiging aan te nemen.`
			});
		}
		const result = acceptInvitation(db, inv, { id: account.id });
		if (!result.ok) return refused(result);
		redirect(303, '/overzicht?welkom');
	},
	/** No account yet: create it with a name and password, take on the role, sign in. */
	aanmaken: async (event) => {
		const { db, inv, account } = validInvitation(event.params.token);
		if (account) {
			return invalid(409, {
				message: 'Er is al een account met dit e-mailadres. Log in om de uitnodiging aan te nemen.'
			});
		}
		const parsed = await parseForm(event.request, newAccount, ['name']);
		if ('failure' in parsed) return parsed.failure;
		const passwordHash = await hashPassword(parsed.data.password);
		// Another request may have used the invitation while the password was hashed.
		const result = acceptInvitation(db, inv, { name: parsed.data.name, passwordHash });
		if (!result.ok) return refused(result);
		signIn(db, event, result.userId);
		redirect(303, '/overzicht?welkom');
	}
};
