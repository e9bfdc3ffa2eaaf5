import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb, startApp } from '$lib/server/app';
import {
	isDatabaseUnavailable,
	RETRY_AFTER_SECONDS,
	UNAVAILABLE_MESSAGE
} from '$lib/server/db/unavailable';
import { isStopping } from '$lib/server/ops/shutdown';
import { log } from '$lib/server/ops/log';
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
import { movedTo } from '$lib/server/http/moved';

export const init: ServerInit = () => {
	startApp();
};

/**
 * One JSON line per request: method, route id (never the path, which may hold a token), status,
 * duration and a request id (the caller's `x-request-id`, or a new one, echoed in the response).
 * While the app stops, every response closes its keep-alive connection.
 */
const requestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = /^[\w.-]{1,64}$/.exec(event.request.headers.get('x-request-id') ?? '')?.[0];
	event.locals.requestId = requestId ?? crypto.randomUUID();
	const response = await resolve(event);
	log.info(
		{
			method: event.request.method,
			route: event.route.id,
			status: response.status,
			ms: Math.round((performance.now() - started) * 10) / 10,
			requestId: event.locals.requestId
		},
		'verzoek'
	);
	response.headers.set('x-request-id', event.locals.requestId);
	if (isStopping()) response.headers.set('connection', 'close');
	return response;
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

/**
 * A write the database cannot take now (locked past busy_timeout, disk full, file gone) answers
 * 503 with Retry-After instead of 500: handleError marks it, this turns the status around.
 */
const databaseUnavailable: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		log.error({ err: error, route: event.route.id, requestId: event.locals.requestId }, 'database');
		response = new Response(UNAVAILABLE_MESSAGE, { status: 503 });
	}
	if (response.status !== 503 && !event.locals.databaseUnavailable) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	return new Response(response.body, { status: 503, headers });
};

/**
 * The body text's font (Source Sans 3, regular, woff2) is announced in the response's Link header,
 * so the browser fetches it with the CSS instead of discovering it only after the CSS is parsed
 * and the page laid out; the first paint then shows the final text once, without a second layout
 * when the font arrives. The other weights stay `font-display: swap`: they swap in when they come.
 */
export const preloadFonts: Handle = ({ event, resolve }) =>
	resolve(event, {
		preload: ({ type, path }) =>
			type === 'js' || type === 'css' || (type === 'font' && FIRST_PAINT_FONTS.test(path))
	});
const FIRST_PAINT_FONTS = /source-sans-3-latin-400-normal\.[\w-]+\.woff2$/;

/** Old addresses of pages that moved answer with a permanent redirect (see http/moved.ts). */
const movedAddresses: Handle = ({ event, resolve }) => {
	const to = movedTo(event.url);
	return to ? new Response(null, { status: 308, headers: { location: to } }) : resolve(event);
};

export const handle = sequence(
	requestLog,
	sameOriginForms,
	databaseUnavailable,
	securityHeaders,
	movedAddresses,
	preloadFonts,
	authentication,
	dutchRefusalsAndPrivatePages
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status < 500) return expectedRefusal(event, status, message);
	const id = crypto.randomUUID().slice(0, 8);
	const unavailable = isDatabaseUnavailable(error);
	if (unavailable) event.locals.databaseUnavailable = true;
	// The route id, not the path: a path may hold a respondent's or a reset token.
	log.error(
		{
			err: error,
			errorId: id,
			method: event.request.method,
			route: event.route.id,
			requestId: event.locals.requestId
		},
		unavailable ? 'database niet beschikbaar' : 'fout'
	);
	if (unavailable) return { message: UNAVAILABLE_MESSAGE, id };
	return {
		message:
			status >= 500
				? 'Er ging aan onze kant iets mis. Probeer het later nog eens; blijft het misgaan, noem dan deze code.'
				: message,
		id
	};
};
