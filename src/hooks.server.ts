import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb, startApp } from '$lib/server/app';
import {
	deleteSessionTokenCookie,
	SESSION_COOKIE,
	setSessionTokenCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import {
	dutchRefusalsAndPrivatePages,
	expectedRefusal,
	sameOriginForms
} from '$lib/server/http/refusals';

export const init: ServerInit = () => {
	startApp();
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

const authentication: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = validateSessionToken(getDb(), token);
	if (session) setSessionTokenCookie(event, token, session.expiresAt);
	else deleteSessionTokenCookie(event);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

export const handle = sequence(
	sameOriginForms,
	securityHeaders,
	authentication,
	dutchRefusalsAndPrivatePages
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status < 500) return expectedRefusal(event, status, message);
	const id = crypto.randomUUID().slice(0, 8);
	console.error(`[fout ${id}] ${event.request.method} ${event.url.pathname}:`, error);
	return {
		message:
			status >= 500
				? 'Er ging aan onze kant iets mis. Probeer het later nog eens; blijft het misgaan, noem dan deze code.'
				: message,
		id
	};
};
