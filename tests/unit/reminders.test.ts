import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endOfDutchDay } from '../../src/lib/domain/format';
import { openDatabase, type Db } from '../../src/lib/server/db/open';
import * as t from '../../src/lib/server/db/schema';
import { log } from '../../src/lib/server/ops/log';
import {
	lostReminders,
	remindersOf,
	sendDueReminders,
	setReminder,
	startReminders
} from '../../src/lib/server/rounds/reminders';
import { databaseWithOpenRound } from '../helpers/open-round';
import { tempDir } from '../helpers/tmp';

/**
 * The reminder scheduler on a real SQLite file, writing real .eml files to the outbox: each
 * reminder lands once, across repeated runs, a restart (a new connection to the same file) and
 * two runs at the same time; a crash between claim and send sends nothing twice.
 */

const at = (iso: string) => Date.parse(iso);
let outbox: string;
let file: string;

beforeEach(() => {
	outbox = tempDir();
	vi.stubEnv('MAIL_OUTBOX', outbox);
	vi.stubEnv('SMTP_URL', '');
	vi.stubEnv('NODE_ENV', 'production');
	vi.spyOn(log, 'warn').mockImplementation(() => {});
	file = join(tempDir(), 'scan.db');
	databaseWithOpenRound(file);
});
afterEach(() => {
	vi.unstubAllEnvs();
	vi.restoreAllMocks();
});

/** The outbox's .eml files, oldest first, quoted-printable decoded. */
const mails = () =>
	readdirSync(outbox)
		.sort()
		.map((f) =>
			Buffer.from(
				readFileSync(join(outbox, f), 'latin1')
					.replace(/=\n/g, '')
					.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
				'latin1'
			).toString('utf8')
		);

let sent = 0;
function setup(db: Db) {
	const r = db.select().from(t.round).get()!;
	db.update(t.round)
		.set({ closesAt: endOfDutchDay('2026-12-18'), minRespondents: 3, teamSize: 10 })
		.where(eq(t.round.id, r.id))
		.run();
	const person = (email: string, member: boolean) => {
		const u = db
			.insert(t.user)
			.values({ id: email, email, name: email.split('@')[0]! })
			.returning()
			.get();
		if (member)
			db.insert(t.membership).values({ userId: u.id, scope: 'school', schoolId: r.schoolId }).run();
		return u;
	};
	const respond = () =>
		db
			.insert(t.response)
			.values({
				roundId: r.id,
				tokenHash: `t${++sent}`,
				resumeHash: `r${sent}`,
				submittedAt: new Date()
			})
			.run();
	return { round: db.select().from(t.round).get()!, person, respond };
}

describe('the reminder scheduler', () => {
	it('sends each reminder once: repeated runs, a restart, and two runs at once', async () => {
		let db = openDatabase(file);
		const { round, person, respond } = setup(db);
		const iris = person('iris@school.nl', true);
		const now = at('2026-12-01T12:00:00Z');
		expect(setReminder(db, iris.id, round, 'closing', 3, now)).toEqual({ ok: true });
		expect(setReminder(db, iris.id, round, 'minimum', null, now)).toEqual({ ok: true });

		// Before its day and below the minimum: nothing.
		expect(await sendDueReminders(db, { now, origin: 'https://scan.example' })).toBe(0);
		respond();
		respond();
		expect(await sendDueReminders(db, { now })).toBe(0);
		expect(mails()).toEqual([]);

		// The minimum is reached: one mail, and only one however often the scheduler runs.
		respond();
		expect(await sendDueReminders(db, { now, origin: 'https://scan.example' })).toBe(1);
		expect(await sendDueReminders(db, { now })).toBe(0);
		expect(mails()).toHaveLength(1);
		expect(mails()[0]).toContain('To: iris@school.nl');
		expect(mails()[0]).toContain('het minimum van 3 is bereikt');
		expect(mails()[0]).toContain('https://scan.example/rondes/');

		// Restart: a new connection to the same file, the same moment, then the closing day.
		db.$client.close();
		db = openDatabase(file);
		expect(await sendDueReminders(db, { now })).toBe(0);
		const due = at('2026-12-15T07:00:00Z');
		const other = openDatabase(file);
		const both = await Promise.all([
			sendDueReminders(db, { now: due }),
			sendDueReminders(other, { now: due })
		]);
		expect(both[0] + both[1]).toBe(1);
		expect(await sendDueReminders(db, { now: due + 60_000 })).toBe(0);
		other.$client.close();
		const texts = mails();
		expect(texts).toHaveLength(2);
		expect(texts.filter((m) => m.includes('sluit over 3 dagen'))).toHaveLength(1);
		// Only the total count, and the rate from it.
		expect(texts[1]).toContain('Tot nu toe zijn 3 vragenlijsten verstuurd, door 3 van de 10');

		// The page shows both as sent.
		expect(remindersOf(db, iris.id, round).map((x) => !!x.sentAt)).toEqual([true, true]);

		// The in-process scheduler (real time, long after this round closed) sends nothing more.
		const scheduler = startReminders(db, 50);
		await new Promise((resolve) => setTimeout(resolve, 200));
		scheduler.stop();
		expect(mails()).toHaveLength(2);
		db.$client.close();
	});

	it('does not send to an account that lost its role, nor a closing reminder of a closed round', async () => {
		const db = openDatabase(file);
		const { round, person } = setup(db);
		const gone = person('weg@school.nl', true);
		const closer = person('sluit@school.nl', true);
		const now = at('2026-12-01T12:00:00Z');
		setReminder(db, gone.id, round, 'closing', 3, now);
		setReminder(db, closer.id, round, 'closing', 3, now);
		db.delete(t.membership).where(eq(t.membership.userId, gone.id)).run();
		db.update(t.round).set({ status: 'closed' }).where(eq(t.round.id, round.id)).run();
		expect(await sendDueReminders(db, { now: at('2026-12-15T07:00:00Z') })).toBe(0);
		// Reopened, the remaining coordinator's reminder goes; the one without a role never.
		db.update(t.round).set({ status: 'open' }).where(eq(t.round.id, round.id)).run();
		expect(await sendDueReminders(db, { now: at('2026-12-16T07:00:00Z') })).toBe(1);
		expect(mails()).toHaveLength(1);
		expect(mails()[0]).toContain('To: sluit@school.nl');
		db.$client.close();
	});

	it('a failed send is tried again; a crash between claim and send never sends twice', async () => {
		let db = openDatabase(file);
		const { round, person, respond } = setup(db);
		const iris = person('iris@school.nl', true);
		const now = at('2026-12-01T12:00:00Z');
		setReminder(db, iris.id, round, 'minimum', null, now);
		respond();
		respond();
		respond();
		vi.spyOn(log, 'error').mockImplementation(() => {});
		const failing = () => Promise.reject(new Error('SMTP weg'));
		expect(await sendDueReminders(db, { now, send: failing })).toBe(0);
		expect(await sendDueReminders(db, { now })).toBe(1);
		expect(mails()).toHaveLength(1);

		// A second reminder; the process "dies" while sending it (the send never finishes).
		const ana = person('ana@school.nl', true);
		db.update(t.response).set({ submittedAt: null }).run();
		setReminder(db, ana.id, round, 'minimum', null, now);
		db.update(t.response).set({ submittedAt: new Date() }).run();
		void sendDueReminders(db, { now, send: () => new Promise<void>(() => {}) });
		db.$client.close();
		db = openDatabase(file);
		expect(await sendDueReminders(db, { now })).toBe(0);
		expect(mails()).toHaveLength(1);
		expect(lostReminders(db, now + 11 * 60_000)).toBe(1);
		expect(remindersOf(db, ana.id, round, now + 11 * 60_000)[0]).toMatchObject({
			sentAt: null,
			lost: true
		});
		db.$client.close();
	});
});
