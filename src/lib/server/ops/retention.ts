import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { audit } from './audit';
import type { Db } from '../db/open';
import { isStopping } from './shutdown';
import { log } from './log';
import { auditEvent, passwordReset, response, round, session } from '../db/schema';

/**
 * How long what is kept: the defaults are on the privacy page (/privacy) and in the README.
 * - `RETENTION_UNSENT_DAYS` (30): a response that was never handed in is deleted this many days
 *   after its round closed (by the coordinator or its closing date). Handed-in responses stay
 *   as long as the round.
 * - `RETENTION_AUDIT_YEARS` (5): audit events older than this are deleted.
 * Expired sessions and password-reset links are deleted as soon as they have expired.
 */
export interface RetentionSettings {
	unsentDays: number;
	auditYears: number;
}

export const RETENTION_DEFAULTS: RetentionSettings = { unsentDays: 30, auditYears: 5 };

function setting(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < 1)
		throw new Error(`${name} moet een geheel getal van minstens 1 zijn, niet "${raw}".`);
	return Number(raw);
}

export function retentionSettings(env = process.env): RetentionSettings {
	return {
		unsentDays: setting('RETENTION_UNSENT_DAYS', RETENTION_DEFAULTS.unsentDays, env),
		auditYears: setting('RETENTION_AUDIT_YEARS', RETENTION_DEFAULTS.auditYears, env)
	};
}

export interface Purged {
	unsentResponses: number;
	sessions: number;
	passwordResets: number;
	auditEvents: number;
}

/** Deletes what is past its retention, in one transaction; records the counts in the audit log. */
export function purgeExpired(db: Db, settings: RetentionSettings, now = new Date()): Purged {
	const unsentBefore = new Date(now.getTime() - settings.unsentDays * 86_400_000);
	const auditBefore = new Date(now);
	auditBefore.setFullYear(auditBefore.getFullYear() - settings.auditYears);
	return db.transaction((tx) => {
		const closedLongAgo = tx
			.select({ id: round.id })
			.from(round)
			.where(
				or(
					and(eq(round.status, 'closed'), lt(round.closedAt, unsentBefore)),
					and(eq(round.status, 'open'), lt(round.closesAt, unsentBefore))
				)
			);
		const purged: Purged = {
			unsentResponses: tx
				.delete(response)
				// Never one that a shown result holds (recorded before only sent responses
				// counted): removing it would change that result and show its answers by subtraction.
				.where(
					and(
						isNull(response.submittedAt),
						isNull(response.lockedAt),
						inArray(response.roundId, closedLongAgo)
					)
				)
				.run().changes,
			sessions: tx.delete(session).where(lt(session.expiresAt, now)).run().changes,
			passwordResets: tx.delete(passwordReset).where(lt(passwordReset.expiresAt, now)).run()
				.changes,
			auditEvents: tx.delete(auditEvent).where(lt(auditEvent.at, auditBefore)).run().changes
		};
		if (Object.values(purged).some((n) => n > 0))
			// One connection: this write is part of the same transaction.
			audit(
				db,
				null,
				'bewaartermijn.opgeschoond',
				{ type: 'database' },
				{
					...purged,
					...settings
				}
			);
		return purged;
	});
}

/**
 * Purges at start-up and then once a day, in the app itself (no cron needed). Bad settings stop
 * start-up with a Dutch message.
 */
export function scheduleRetention(db: Db): void {
	const settings = retentionSettings();
	const run = () => {
		if (isStopping()) return;
		const purged = purgeExpired(db, settings);
		log.info({ ...purged, ...settings }, 'bewaartermijnen toegepast');
	};
	run();
	setInterval(run, 86_400_000).unref();
}
