import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { fields, invalid, parseForm, withNewPassword } from '$lib/server/http/form';
import {
	acceptWithAccount,
	acceptWithNewAccount,
	invitationByToken,
	invitationPage,
	newAccountRefusal
} from '$lib/server/accounts/acceptance';
import type { AcceptResult } from '$lib/server/accounts/invitations';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES = {
	verlopen: 'Deze uitnodiging is verlopen. Vraag degene die u uitnodigde om een nieuwe.',
	gebruikt: 'Deze uitnodiging is al gebruikt. Log in met uw account.',
	ingetrokken:
		'Deze uitnodiging is ingetrokken of vervangen door een nieuwere. Gebruik de link uit de laatste e-mail.'
} as const;

function validInvitation(token: string) {
	const found = invitationByToken(getDb(), token);
	if (!found.found)
		error(404, 'Deze uitnodiging bestaat niet. Controleer of u de hele link heeft gebruikt.');
	if (found.state !== 'geldig') error(410, MESSAGES[found.state]);
	return found;
}

export const load: PageServerLoad = ({ params, locals }) => {
	const { inv, account } = validInvitation(params.token);
	return invitationPage(getDb(), inv, account, locals.user);
};

const newAccount = withNewPassword({ name: fields.name });

const refused = (result: Exclude<AcceptResult, { ok: true }>) =>
	invalid(result.status, { message: result.message });

export const actions: Actions = {
	/** An existing account, signed in with the invited address, takes on the role. */
	aannemen: ({ params, locals }) => {
		const { inv, account } = validInvitation(params.token);
		const result = acceptWithAccount(getDb(), inv, account, locals.user);
		if (!result.ok) return refused(result);
		redirect(303, '/overzicht?welkom');
	},
	/** No account yet: create it with a name and password, take on the role, sign in. */
	aanmaken: async (event) => {
		const { inv, account } = validInvitation(event.params.token);
		const refusal = newAccountRefusal(account);
		if (refusal) return refused(refusal);
		const parsed = await parseForm(event.request, newAccount, ['name']);
		if ('failure' in parsed) return parsed.failure;
		const { name, password } = parsed.data;
		const result = await acceptWithNewAccount(getDb(), event, inv, name, password);
		if (!result.ok) return refused(result);
		redirect(303, '/overzicht?welkom');
	}
};
