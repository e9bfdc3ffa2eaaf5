/**
 * Errors that say "the database cannot take this write now" rather than "this request is wrong":
 * another writer kept the lock past busy_timeout, the disk is full, the file is gone. They answer
 * 503 with Retry-After (the respondent page retries), never 500.
 */
export class DatabaseUnavailable extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'DatabaseUnavailable';
	}
}

const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN)/;

export function isDatabaseUnavailable(error: unknown): boolean {
	if (error instanceof DatabaseUnavailable) return true;
	const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
	return typeof code === 'string' && UNAVAILABLE_CODES.test(code);
}

export const UNAVAILABLE_MESSAGE =
	'Er kan op dit moment niets worden opgeslagen. Probeer het over een paar seconden opnieuw.';
/** Seconds a client is asked to wait (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;
