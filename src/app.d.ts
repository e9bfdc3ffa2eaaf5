// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** A short id to quote when reporting the problem; the full error is in the server log. */
			id?: string;
		}
		interface Locals {
			user: import('$lib/server/auth/session').SessionUser | null;
			session: import('$lib/server/auth/session').Session | null;
			/** Set by handleError when the database could not take a write: the answer becomes 503. */
			databaseUnavailable?: boolean;
			/** The request's id in the log line (and the `x-request-id` response header). */
			requestId: string;
		}
	}
}

export {};
