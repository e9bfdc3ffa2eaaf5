/** One respondent's save over HTTP, as the respondent page sends it with JavaScript. */
export async function postAnswer(
	origin: string,
	token: string,
	cookie: string,
	item: string,
	value: number
): Promise<Response> {
	return fetch(`${origin}/s/${token}/antwoord`, {
		method: 'POST',
		body: new URLSearchParams({ item, value: String(value) }),
		headers: { origin, cookie, accept: 'application/json' }
	});
}
