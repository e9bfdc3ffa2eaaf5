import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { acceptanceRefusal } from '../auth/access';
import { hashPassword } from '../auth/password';
import type { SessionUser } from '../auth/session';
import { signIn } from '../auth/sign-in';
import type { Db } from '../db/open';
import { user } from '../db/schema';
import {
	acceptInvitation,
	findInvitation,
	invitationTargetName,
	type AcceptResult,
	type InvitationRow,
	type InvitationState
} from './invitations';

/** The invitation page (`/uitnodigingen/[token]`): who is invited for what, and taking it on. */

type Account = typeof user.$inferSelect;

export type InvitationLookup =
	| { found: false }
	| { found: true; state: Exclude<InvitationState, 'geldig'> }
	| { found: true; state: 'geldig'; inv: InvitationRow; account: Account | undefined };

/** The invitation behind a link, and the account that its address has already (if any). */
export function invitationByToken(db: Db, token: string): InvitationLookup {
	const found = findInvitation(db, token);
	if (!found) return { found: false };
	if (found.state !== 'geldig') return { found: true, state: found.state };
	const account = db.select().from(user).where(eq(user.email, found.inv.email)).get();
	return { found: true, state: 'geldig', inv: found.inv, account };
}

/** What the page says before anyone fills in the form (accepting checks it all again). */
export function invitationPage(
	db: Db,
	inv: InvitationRow,
	account: Account | undefined,
	signedIn: SessionUser | null
) {
	return {
		email: inv.email,
		what: invitationTargetName(db, inv),
		hasAccount: !!account,
		signedInAs: signedIn?.email ?? null,
		refusal: acceptanceRefusal(db, inv, inv.email)
	};
}

/** An existing account, signed in with the invited address, takes on the role. */
export function acceptWithAccount(
	db: Db,
	inv: InvitationRow,
	account: Account | undefined,
	signedIn: SessionUser | null
): AcceptResult {
	if (!signedIn || !account || signedIn.id !== account.id)
		return {
			ok: false,
			status: 403,
			message: `Log eerst in met ${inv.email} om deze uitnodiging aan te nemen.`
		};
	return acceptInvitation(db, inv, { id: account.id });
}

/** Why no new account can be made for this invitation (its address has one), or null. */
export function newAccountRefusal(
	account: Account | undefined
): Exclude<AcceptResult, { ok: true }> | null {
	return account
		? {
				ok: false,
				status: 409,
				message: 'Er is al een account met dit e-mailadres. Log in om de uitnodiging aan te nemen.'
			}
		: null;
}

/** No account yet: it is made with this name and password, with the role, and signed in. */
export async function acceptWithNewAccount(
	db: Db,
	event: RequestEvent,
	inv: InvitationRow,
	name: string,
	password: string
): Promise<AcceptResult> {
	const passwordHash = await hashPassword(password);
	// Another request may have used the invitation while the password was hashed.
	const result = acceptInvitation(db, inv, { name, passwordHash });
	if (result.ok) signIn(db, event, result.userId);
	return result;
}
