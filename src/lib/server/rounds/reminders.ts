import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import {
	closingReminderAt,
	isDue,
	reminderMail,
	reminderRefusal,
	type ReminderCandidate,
	type ReminderKind,
	type ReminderRound
} from '$lib/domain/reminders';
import { membershipsOf, type RoundRow } from '../auth/access';
import type { Db } from '../db/open';
import { round, roundReminder, school, swv, user } from '../db/schema';
import { sendMail, type Mail } from '../mail/mail';
import { log } from '../ops/log';
import { isStopping } from '../ops/shutdown';
import { submittedCount } from './rounds';

/**
 * Reminder mails a coordinator asks for on the round page, and the in-process scheduler that
 * sends them. The state is in the database (`round_reminder`), so a restart forgets nothing.
 *
 * Exactly once: a run claims a due reminder (sets `claimed_at` in a transaction that first checks
 * it is still unclaimed and due) before it sends, and sets `sent_at` after. A claimed reminder is
 * never picked up again. If sending fails with an error, the claim is released and the next run
 * tries again. If the process dies between claim and send (a crash, a kill -9, power), the
 * reminder stays claimed without `sent_at`: it is **not** sent, never twice; the round page shows
 * it as "niet verstuurd" and the start-up log names how many there are.
 */

export interface ReminderView {
	kind: ReminderKind;
	daysBefore: number | null;
	/** When a closing reminder is due (null for `minimum`, or without a closing date). */
	dueAt: Date | null;
	sentAt: Date | null;
	/** Claimed by a run that did not finish (the server stopped while sending): not sent. */
	lost: boolean;
}

const LOST_AFTER_MS = 10 * 60_000;

/** The reminders this account asked for on this round. */
export function remindersOf(db: Db, userId: string, r: RoundRow, now = Date.now()): ReminderView[] {
	return db
		.select()
		.from(roundReminder)
		.where(and(eq(roundReminder.roundId, r.id), eq(roundReminder.userId, userId)))
		.all()
		.map((x) => ({
			kind: x.kind,
			daysBefore: x.daysBefore,
			dueAt:
				x.kind === 'closing' && r.closesAt && x.daysBefore
					? new Date(closingReminderAt(r.closesAt.getTime(), x.daysBefore))
					: null,
			sentAt: x.sentAt,
			lost: !x.sentAt && !!x.claimedAt && now - x.claimedAt.getTime() > LOST_AFTER_MS
		}));
}

function reminderRound(db: Db, r: RoundRow): ReminderRound {
	return {
		status: r.status,
		closesAt: r.closesAt?.getTime() ?? null,
		submitted: submittedCount(db, r.id),
		minRespondents: r.minRespondents
	};
}

export type ReminderOutcome =
	{ ok: true } | { ok: false; status: 400 | 409; field?: 'daysBefore'; message: string };

/**
 * Asks for (or changes) a reminder for this account. A changed number of days is a new reminder
 * (it may be sent again); asking again for the same one leaves it as it is.
 */
export function setReminder(
	db: Db,
	userId: string,
	r: RoundRow,
	kind: ReminderKind,
	daysBefore: number | null,
	now = Date.now()
): ReminderOutcome {
	const days = kind === 'closing' ? daysBefore : null;
	const refusal = reminderRefusal(kind, days, reminderRound(db, r), now);
	if (refusal) return { ok: false, ...refusal };
	const mine = and(
		eq(roundReminder.roundId, r.id),
		eq(roundReminder.userId, userId),
		eq(roundReminder.kind, kind)
	);
	db.transaction((tx) => {
		const existing = tx.select().from(roundReminder).where(mine).get();
		if (existing && existing.daysBefore === days && !existing.claimedAt) return;
		if (existing) tx.delete(roundReminder).where(mine).run();
		tx.insert(roundReminder).values({ roundId: r.id, userId, kind, daysBefore: days }).run();
	});
	return { ok: true };
}

/** Cancels this account's reminder of that kind (nothing happens when there is none). */
export function cancelReminder(db: Db, userId: string, r: RoundRow, kind: ReminderKind) {
	db.delete(roundReminder)
		.where(
			and(
				eq(roundReminder.roundId, r.id),
				eq(roundReminder.userId, userId),
				eq(roundReminder.kind, kind)
			)
		)
		.run();
}

/** The account still coordinates the round: the school's coordinator, or the active SWV's. */
function mayReceive(db: Db, userId: string, r: RoundRow): boolean {
	const m = membershipsOf(db, userId);
	if (r.schoolId) return m.schools.has(r.schoolId);
	if (!m.swvs.has(r.swvId)) return false;
	return !!db.select({ active: swv.active }).from(swv).where(eq(swv.id, r.swvId)).get()?.active;
}

/** Unclaimed reminders (or the one with that id) with what `isDue` and the mail need. */
function candidates(db: Db, id?: number) {
	return db
		.select({
			reminder: roundReminder,
			round,
			user: { email: user.email, name: user.name, active: user.active }
		})
		.from(roundReminder)
		.innerJoin(round, eq(round.id, roundReminder.roundId))
		.innerJoin(user, eq(user.id, roundReminder.userId))
		.where(
			id === undefined
				? isNull(roundReminder.claimedAt)
				: and(isNull(roundReminder.claimedAt), eq(roundReminder.id, id))
		)
		.all()
		.map((row) => {
			const r = reminderRound(db, row.round);
			const candidate: ReminderCandidate = {
				id: row.reminder.id,
				kind: row.reminder.kind,
				daysBefore: row.reminder.daysBefore,
				claimed: false,
				recipientAllowed: row.user.active && mayReceive(db, row.reminder.userId, row.round),
				round: r
			};
			return { candidate, row };
		});
}

/** Claims a reminder if it is still unclaimed and due; true when this run may send it. */
function claim(db: Db, id: number, now: number): boolean {
	// One connection: the reads below are part of the same (immediate) transaction.
	return db.transaction(() => {
		const [still] = candidates(db, id);
		if (!still || !isDue(still.candidate, now)) return false;
		return (
			db
				.update(roundReminder)
				.set({ claimedAt: new Date(now) })
				.where(and(eq(roundReminder.id, id), isNull(roundReminder.claimedAt)))
				.run().changes === 1
		);
	});
}

function unitName(db: Db, r: RoundRow): string {
	if (r.schoolId)
		return (
			db.select({ name: school.name }).from(school).where(eq(school.id, r.schoolId)).get()?.name ??
			'de school'
		);
	return (
		db.select({ name: swv.name }).from(swv).where(eq(swv.id, r.swvId)).get()?.name ??
		'het samenwerkingsverband'
	);
}

export interface RunOptions {
	now?: number;
	send?: (mail: Mail) => Promise<void>;
	/** The app's address, for the link to the round page (`ORIGIN`). */
	origin?: string | undefined;
}

/** One scheduler run: sends every due reminder once. Returns how many were sent. */
export async function sendDueReminders(db: Db, options: RunOptions = {}): Promise<number> {
	const now = options.now ?? Date.now();
	const send = options.send ?? sendMail;
	const origin = options.origin ?? process.env.ORIGIN;
	let sent = 0;
	for (const { candidate, row } of candidates(db)) {
		if (!isDue(candidate, now) || !claim(db, candidate.id, now)) continue;
		const mail = reminderMail(
			{
				kind: candidate.kind,
				name: row.user.name,
				roundTitle: row.round.title,
				unitName: unitName(db, row.round),
				closesAt: candidate.round.closesAt,
				submitted: candidate.round.submitted,
				minRespondents: candidate.round.minRespondents,
				teamSize: row.round.teamSize,
				link: origin ? `${origin.replace(/\/$/, '')}/rondes/${row.round.id}` : null
			},
			now
		);
		try {
			await send({ to: row.user.email, ...mail });
		} catch (error) {
			// Not sent: release the claim, so that the next run tries again.
			db.update(roundReminder)
				.set({ claimedAt: null })
				.where(eq(roundReminder.id, candidate.id))
				.run();
			log.error({ err: error, reminder: candidate.id }, 'herinnering niet verstuurd');
			continue;
		}
		db.update(roundReminder)
			.set({ sentAt: new Date() })
			.where(eq(roundReminder.id, candidate.id))
			.run();
		sent++;
	}
	return sent;
}

/** Reminders claimed by a run that never finished (the process died while sending). */
export function lostReminders(db: Db, now = Date.now()): number {
	return db
		.select({ id: roundReminder.id })
		.from(roundReminder)
		.where(
			and(
				isNotNull(roundReminder.claimedAt),
				isNull(roundReminder.sentAt),
				lt(roundReminder.claimedAt, new Date(now - LOST_AFTER_MS))
			)
		)
		.all().length;
}

/**
 * Starts the scheduler: a run at start-up and then every `intervalMs` (a minute), one run at a
 * time, none once the app is stopping. `stop()` ends it (called at shutdown).
 */
export function startReminders(db: Db, intervalMs = 60_000): { stop: () => void } {
	let running = false;
	let stopped = false;
	const lost = lostReminders(db);
	if (lost)
		log.warn({ lost }, 'herinneringen niet verstuurd: de server stopte tijdens het versturen');
	const run = () => {
		if (running || stopped || isStopping()) return;
		running = true;
		sendDueReminders(db)
			.then((n) => {
				if (n) log.info({ sent: n }, 'herinneringen verstuurd');
			})
			.catch((error: unknown) => log.error({ err: error }, 'herinneringen: run mislukt'))
			.finally(() => (running = false));
	};
	run();
	const timer = setInterval(run, intervalMs);
	timer.unref();
	return {
		stop: () => {
			stopped = true;
			clearInterval(timer);
		}
	};
}
