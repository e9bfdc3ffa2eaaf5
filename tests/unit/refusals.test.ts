import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedRefusal } from '$lib/server/http/refusals';

const event = (url: string, method = 'GET') =>
	({ request: new Request(url, { method }) }) as unknown as RequestEvent;

afterEach(() => vi.restoreAllMocks());

describe('refusals by the framework', () => {
	it('are logged in one line without a stack, with a malformed path as it came', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const answer = expectedRefusal(event('http://x/rondes/%zz%E2'), 400, 'Malformed URI');
		expect(warn).toHaveBeenCalledTimes(1);
		const line = String(warn.mock.calls[0]![0]);
		expect(line).toBe('[400] GET /rondes/%zz%E2: Malformed URI');
		expect(line).not.toContain('\n');
		expect(answer.message).toMatch(/kon niet worden gelezen/);
	});

	it('answer in Dutch', () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		expect(expectedRefusal(event('http://x/a', 'POST'), 405, 'Method Not Allowed').message).toMatch(
			/neemt dit soort verzoek niet aan/
		);
		expect(expectedRefusal(event('http://x/nergens'), 404, 'Not Found').message).toBe(
			'Deze pagina bestaat niet (meer).'
		);
	});
});
