import { log } from './log';

let stopping = false;

/** True from SIGTERM/SIGINT on: /readyz answers 503 and responses close their connection. */
export function isStopping(): boolean {
	return stopping;
}

/**
 * Graceful stop. adapter-node stops accepting connections on SIGTERM, closes idle keep-alive
 * connections, and emits `sveltekit:shutdown` once the last request is answered (or after
 * SHUTDOWN_TIMEOUT seconds). From the signal on, every response says `Connection: close`, so a
 * busy keep-alive client cannot hold the process open; at the end `onStopped` finishes the
 * pending group commit and closes the database.
 */
export function watchShutdown(onStopped: () => void): void {
	const begin = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info({ signal }, 'stoppen: geen nieuwe verbindingen, lopende verzoeken worden afgemaakt');
	};
	process.once('SIGTERM', () => begin('SIGTERM'));
	process.once('SIGINT', () => begin('SIGINT'));
	process.once('sveltekit:shutdown', () => {
		try {
			onStopped();
			log.info('gestopt: alle verzoeken beantwoord, database gesloten');
		} catch (error) {
			log.error({ err: error }, 'stoppen mislukt');
			process.exitCode = 1;
		}
	});
}
