import type { RequestEvent } from '@sveltejs/kit';
import { createSession, generateSessionToken, setSessionTokenCookie } from './session';
import type { Db } from '../db/open';

/** Starts a session for a user and sets its cookie. */
export function signIn(db: Db, event: RequestEvent, userId: string): void {
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionTokenCookie(event, token, session.expiresAt);
}

const SAME_SITE = 'http://same-site.invalid';

/**
 * Only same-site paths are followed after sign-in, never another site: one leading `/`, no `//`,
 * no backslash, no control characters (browsers drop tabs and newlines, so `/\t/evil.example`
 * is `//evil.example` to them), and the path as the URL parser normalises it (so `/a/..//x`
 * cannot turn into `//x`; non-ASCII comes out percent-encoded and is safe in a header).
 */
export function safeRedirect(target: string | null | undefined, fallback = '/overzicht'): string {
	if (!target || !target.startsWith('/') || /^\/[/\\]/.test(target)) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, SAME_SITE);
	} catch {
		return fallback;
	}
	const path = url.pathname + url.search;
	if (url.origin !== SAME_SITE || !path.startsWith('/') || path.startsWith('//')) return fallback;
	return path;
}
