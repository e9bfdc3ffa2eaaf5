import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken as hashTokenForTest, type SessionUser } from '$lib/server/auth/session';
import { hashPassword } from '$lib/server/auth/password';
import {
	endPasswordResets,
	findPasswordReset,
	requestPasswordReset,
	resetPassword
} from '$lib/server/auth/password-reset';
import * as t from '$lib/server/db/schema';
import { acceptInvitation, sendInvitation } from '$lib/server/accounts/invitations';
import { dbWithSwv } from '../helpers/db';
import { tempDir } from '../helpers/tmp';

/**
 * Invitations and reset links on a real SQLite file: who may invite whom, what a mail server that
 * is down leaves behind, and which reset links still work after a reset or a password change.
 */
function setup() {
	process.env.MAIL_OUTBOX = join(tempDir(), 'outbox');
	const { db, swv, school, person } = dbWithSwv();
	const count = (table: typeof t.invitation | typeof t.membership | typeof t.passwordReset) =>
		db.select().from(table).all().length;
	const invite = (inviter: SessionUser, email: string, s: ReturnType<typeof school>) =>
		sendInvitation(db, inviter, email, { scope: 'school', school: s }, 'http://x');
	return { db, swv, school, person, count, invite };
}

afterEach(() => {
	delete process.env.SMTP_URL;
});

describe('who may invite a school coordinator', () => {
	it('an SWV coordinator cannot make themselves coordinator of their school, and nothing changes', async () => {
		const { db, swv, school, person, count, invite } = setup();
		const empty = school('11AA');
		const coordinator = person('swv@example.org', [{ swvId: swv.id }]);
		person('collega@example.org', [{ swvId: swv.id }]);
		for (const email of ['swv@example.org', 'collega@example.org']) {
			const result = await invite(coordinator, email, empty);
			expect(result).toMatchObject({ sent: false, status: 403 });
			expect(!result.sent && result.message).toMatch(
				/heeft al een rol in dit samenwerkingsverband/
			);
		}
		expect(count(t.invitation)).toBe(0);
		expect(count(t.membership)).toBe(2);
		const refusals = db
			.select()
			.from(t.auditEvent)
			.where(eq(t.auditEvent.action, 'uitnodiging.geweigerd'))
			.all();
		expect(refusals.map((r) => r.userId)).toEqual([coordinator.id, coordinator.id]);
	});

	it('the SWV invites only the first coordinator; after that the school decides', async () => {
		const { swv, school, person, invite } = setup();
		const s = school('11AB');
		const swvCoordinator = person('swv@example.org', [{ swvId: swv.id }]);
		const first = await invite(swvCoordinator, 'dir@school.nl', s);
		expect(first).toEqual({ sent: true });
		const head = person('dir@school.nl', [{ schoolId: s.id }]);
		const second = await invite(swvCoordinator, 'ib@school.nl', s);
		expect(second).toMatchObject({ sent: false, status: 403 });
		expect(await invite(head, 'ib@school.nl', s)).toEqual({ sent: true });
	});

	it('an invitation the SWV sent is refused at acceptance once the school has a coordinator', async () => {
		const { db, swv, school, person, invite } = setup();
		const s = school('11AC');
		const swvCoordinator = person('swv@example.org', [{ swvId: swv.id }]);
		await invite(swvCoordinator, 'a@school.nl', s);
		await invite(swvCoordinator, 'b@school.nl', s);
		const inv = (email: string) =>
			db.select().from(t.invitation).where(eq(t.invitation.email, email)).get()!;
		const hash = await hashPassword('een-wachtwoord');
		expect(
			acceptInvitation(db, inv('a@school.nl'), { name: 'A', passwordHash: hash })
		).toMatchObject({ ok: true });
		expect(
			acceptInvitation(db, inv('b@school.nl'), { name: 'B', passwordHash: hash })
		).toMatchObject({ ok: false, status: 403 });
		expect(db.select().from(t.user).where(eq(t.user.email, 'b@school.nl')).get()).toBeUndefined();
	});
});

describe('invitations per sender', () => {
	it('are limited to 30 an hour', async () => {
		const { school, person, invite } = setup();
		const s = school('11AE');
		const admin = { ...person('beheer@example.org'), isAdmin: true };
		for (let i = 0; i < 30; i++)
			expect(await invite(admin, `p${i}@school.nl`, s)).toEqual({ sent: true });
		expect(await invite(admin, 'p30@school.nl', s)).toMatchObject({ sent: false, status: 429 });
	});
});

describe('a mail server that is down', () => {
	it('leaves the older invitation working and tells the inviter', async () => {
		const { db, school, person, invite } = setup();
		const s = school('11AD');
		const admin = { ...person('beheer@example.org'), isAdmin: true };
		expect(await invite(admin, 'a@school.nl', s)).toEqual({ sent: true });
		process.env.SMTP_URL = 'smtp://127.0.0.1:9';
		const result = await invite(admin, 'a@school.nl', s);
		expect(result).toMatchObject({ sent: false, status: 503 });
		expect(!result.sent && result.message).toMatch(
			/kon niet worden verstuurd.*eerdere uitnodiging blijft geldig/
		);
		const open = db
			.select()
			.from(t.invitation)
			.all()
			.filter((i) => !i.revokedAt);
		expect(open).toHaveLength(1);
	});

	it('gives a reset request the same answer for known and unknown addresses', () => {
		const { db, person, count } = setup();
		person('school@example.org');
		process.env.SMTP_URL = 'smtp://127.0.0.1:9';
		expect(requestPasswordReset(db, 'school@example.org', 'http://x')).toBeUndefined();
		expect(requestPasswordReset(db, 'niemand@example.org', 'http://x')).toBeUndefined();
		expect(count(t.passwordReset)).toBe(1);
	});
});

describe('reset links', () => {
	function links(db: ReturnType<typeof setup>['db'], userId: string, n: number) {
		const tokens: string[] = [];
		for (let i = 0; i < n; i++) {
			const token = `${'a'.repeat(31)}${'bcdefg'[i]}`;
			db.insert(t.passwordReset)
				.values({
					tokenHash: hashTokenForTest(token),
					userId,
					expiresAt: new Date(Date.now() + 3600_000)
				})
				.run();
			tokens.push(token);
		}
		return tokens;
	}

	it('a reset ends every other open link of the account', async () => {
		const { db, person } = setup();
		const u = person('school@example.org');
		const [older, newer] = links(db, u.id, 2);
		expect(await resetPassword(db, newer!, 'nieuw-wachtwoord-1')).toBe(true);
		expect(findPasswordReset(db, older!)).toBeNull();
		expect(await resetPassword(db, older!, 'nog-een-wachtwoord')).toBe(false);
	});

	it('a password change ends every open link', () => {
		const { db, person } = setup();
		const u = person('school@example.org');
		const [link] = links(db, u.id, 1);
		endPasswordResets(db, u.id);
		expect(findPasswordReset(db, link!)).toBeNull();
	});
});
