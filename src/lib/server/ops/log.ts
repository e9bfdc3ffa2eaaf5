import pino from 'pino';

/**
 * One JSON line per event on stdout, with an ISO time: what a log collector (journald, Docker,
 * Loki) reads. Never log tokens, cookies, e-mail addresses or answers: requests are logged by
 * route id (`/s/[token]/antwoord`), not by path. `LOG_LEVEL` (default info; `silent` in tests).
 */
export const log = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: undefined,
	timestamp: pino.stdTimeFunctions.isoTime,
	formatters: { level: (label) => ({ level: label }) }
});
