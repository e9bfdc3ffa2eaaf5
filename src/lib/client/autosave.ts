/**
 * Sends each change as soon as it is made. A change that cannot be sent (no network, server
 * away) stays in localStorage and is retried, with a growing pause, until it is stored; so a
 * refresh, the back button or a lost connection loses nothing.
 */
export type SaveStatus =
	| { kind: 'idle' }
	| { kind: 'saving' }
	| { kind: 'saved' }
	| { kind: 'retrying' }
	| { kind: 'refused'; message: string };

type Body = Record<string, string>;

export interface Autosave {
	save(key: string, body: Body): void;
	pending(): Record<string, Body>;
	destroy(): void;
}

export function createAutosave(
	url: string,
	storageKey: string,
	onStatus: (status: SaveStatus) => void,
	onSaved: (key: string, result: { hidden?: string[] }) => void
): Autosave {
	let queue: Record<string, Body> = {};
	try {
		queue = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, Body>;
	} catch {
		queue = {};
	}
	let busy = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let pause = 1000;

	const persist = () => {
		try {
			if (Object.keys(queue).length) localStorage.setItem(storageKey, JSON.stringify(queue));
			else localStorage.removeItem(storageKey);
		} catch {
			// Private mode or a full store: the change is still sent now.
		}
	};

	async function flush() {
		if (busy) return;
		busy = true;
		clearTimeout(timer);
		try {
			while (Object.keys(queue).length) {
				const [key, body] = Object.entries(queue)[0]!;
				onStatus({ kind: 'saving' });
				let response: Response;
				try {
					response = await fetch(url, {
						method: 'POST',
						body: new URLSearchParams(body),
						headers: { accept: 'application/json' }
					});
				} catch {
					response = new Response(null, { status: 599 });
				}
				if (response.status >= 500) {
					onStatus({ kind: 'retrying' });
					timer = setTimeout(() => void flush(), pause);
					pause = Math.min(pause * 2, 30_000);
					return;
				}
				pause = 1000;
				// The entry may have changed while it was being sent: only drop what was sent.
				if (queue[key] === body) delete queue[key];
				persist();
				const result = (await response.json().catch(() => ({}))) as {
					message?: string;
					hidden?: string[];
				};
				if (!response.ok) {
					onStatus({ kind: 'refused', message: result.message ?? 'Dit antwoord is niet bewaard.' });
					continue;
				}
				onSaved(key, result);
				if (!Object.keys(queue).length) onStatus({ kind: 'saved' });
			}
		} finally {
			busy = false;
		}
	}

	const online = () => void flush();
	window.addEventListener('online', online);
	if (Object.keys(queue).length) void flush();

	return {
		save(key, body) {
			queue[key] = body;
			persist();
			void flush();
		},
		pending: () => ({ ...queue }),
		destroy() {
			clearTimeout(timer);
			window.removeEventListener('online', online);
		}
	};
}
