import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { hashPassword, verifyPasswordHash } from '$lib/server/auth/password';
import { endPasswordResets } from '$lib/server/auth/password-reset';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/sign-in';
import { user } from '$lib/server/db/schema';
import { fields, invalid, parseForm, withNewPassword } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const u = requireUser(locals, url);
	return { account: { name: u.name, email: u.email } };
};

const passwordSchema = withNewPassword({ current: fields.password });

export const actions: Actions = {
	naam: async (event) => {
		const me = requireUser(event.locals, event.url);
		const parsed = await parseForm(event.request, z.object({ name: fields.name }), ['name']);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		db.update(user).set({ name: parsed.data.name }).where(eq(user.id, me.id)).run();
		// The layout renders after this action: show the new name there too.
		event.locals.user = { ...me, name: parsed.data.name };
		audit(db, me.id, 'account.naam-gewijzigd', { type: 'account', id: me.id });
		return { saved: 'naam' as const };
	},
	/** A new password signs the account out everywhere, then in again here. */
	wachtwoord: async (event) => {
		const me = requireUser(event.locals, event.url);
		const parsed = await parseForm(event.request, passwordSchema);
		if ('failure' in parsed) return parsed.failure;
		const db = getDb();
		const row = db.select().from(user).where(eq(user.id, me.id)).get();
		if (!row?.passwordHash || !(await verifyPasswordHash(row.passwordHash, parsed.data.current))) {
			return invalid(400, {
				message: 'Controleer de gemarkeerde velden.',
				errors: { current: 'Dit is niet uw huidige wachtwoord.' },
				values: {}
			});
		}
		db.update(user)
			.set({ passwordHash: await hashPassword(parsed.data.password) })
			.where(eq(user.id, me.id))
			.run();
		invalidateUserSessions(db, me.id);
		endPasswordResets(db, me.id);
		signIn(db, event, me.id);
		audit(db, me.id, 'account.wachtwoord-gewijzigd', { type: 'account', id: me.id });
		return { saved: 'wachtwoord' as const };
	}
};
