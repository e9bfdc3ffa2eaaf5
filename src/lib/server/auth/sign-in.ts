import type { RequestEvent } from '@sveltejs/kit';
import { createSession, generateSessionToken, setSessionTokenCookie } from './session';
import type { Db } from '../db/open';

/** Starts a session for a user and sets its cookie. */
export function signIn(db: Db, event: RequestEvent, userId: string): void {
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionTokenCookie(event, token, session.expiresAt);
}

/** Only same-site paths are followed after sign-in, never another site. */
export function safeRedirect(target: string | null | undefined, fallback = '/overzicht'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return fallback;
	}
	return target;
}
