/**
 * URLs that moved when the routes got one naming rule (collections are plural): the old address
 * answers with a permanent redirect to the new one, path rest and query kept. 308 keeps the method,
 * so a form posted from a page that was open before the move still reaches its action.
 */
const MOVED: readonly (readonly [RegExp, string])[] = [
	[/^\/school(?=\/|$)/, '/scholen'],
	[/^\/uitnodiging(?=\/)/, '/uitnodigingen']
];

/** Where a moved URL lives now (path and query), or null when it did not move. */
export function movedTo(url: URL): string | null {
	for (const [from, to] of MOVED)
		if (from.test(url.pathname)) return url.pathname.replace(from, to) + url.search;
	return null;
}
