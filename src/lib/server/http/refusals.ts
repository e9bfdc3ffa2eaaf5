import type { Handle, RequestEvent } from '@sveltejs/kit';

/**
 * The framework's own refusals in Dutch, like every other error of the app, and logged in one line
 * without a stack trace; and what signed-in pages may leave in a cache.
 */

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export const DUTCH: Record<number, string> = {
	400: 'Dit adres of verzoek kon niet worden gelezen. Controleer het adres en probeer het opnieuw.',
	403: 'Dit formulier is niet vanaf deze website verstuurd en is daarom geweigerd. Open de pagina opnieuw en probeer het nog eens.',
	405: 'Dit adres neemt dit soort verzoek niet aan. Ga terug naar de pagina en probeer het opnieuw.',
	415: 'Dit formulier is in een vorm verstuurd die de website niet kent. Gebruik het formulier op de pagina.'
};

/** One line, no stack: the path as it came (not decoded: it may not be valid percent-encoding). */
export function logRefusal(event: RequestEvent, status: number, reason: string): void {
	const { pathname, search } = new URL(event.request.url);
	console.warn(`[${status}] ${event.request.method} ${pathname}${search ? '?…' : ''}: ${reason}`);
}

function refusal(event: RequestEvent, status: number): Response {
	const message = DUTCH[status]!;
	return event.request.headers.get('accept')?.includes('application/json')
		? Response.json({ message }, { status })
		: new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Cross-site form posts are refused as SvelteKit would (its own check is off in svelte.config.js
 * because it answers in English before any hook runs): a form-encoded POST, PUT, PATCH or DELETE
 * whose Origin is not this site's.
 */
export const sameOriginForms: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	if (
		UNSAFE_METHODS.includes(request.method) &&
		FORM_TYPES.includes(type) &&
		request.headers.get('origin') !== url.origin
	) {
		logRefusal(event, 403, 'formulier van een andere herkomst');
		return refusal(event, 403);
	}
	return resolve(event);
};

/**
 * The framework's plain-text refusals of endpoints (405 for a method an endpoint lacks) in Dutch,
 * and every signed-in page (and its data for client-side navigation) marked `private, no-store`,
 * so that a shared computer or a proxy keeps no copy of a school's results.
 */
export const dutchRefusalsAndPrivatePages: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	// The framework's text() sets no content type; the app's own refusals always do.
	if (
		DUTCH[response.status] &&
		(!type || type.startsWith('text/plain')) &&
		response.status !== 400
	) {
		logRefusal(event, response.status, 'geweigerd door het framework');
		const dutch = refusal(event, response.status);
		response.headers.forEach((value, key) => {
			if (key !== 'content-type' && key !== 'content-length') dutch.headers.set(key, value);
		});
		return dutch;
	}
	if (
		event.locals.user &&
		(type.startsWith('text/html') || event.url.pathname.endsWith('/__data.json')) &&
		!response.headers.has('cache-control')
	) {
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};

/**
 * What `handleError` says and logs for an error below 500 that the framework raised (an unknown
 * route, a malformed path, a post to a page without forms, a form in an unknown encoding).
 */
export function expectedRefusal(event: RequestEvent, status: number, message: string) {
	logRefusal(event, status, message);
	if (status === 404) return { message: 'Deze pagina bestaat niet (meer).' };
	return { message: DUTCH[status] ?? message };
}
