import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPasswordHash } from '$lib/server/auth/password';
import { createSession, generateSessionToken, type SessionUser } from '$lib/server/auth/session';
import * as t from '$lib/server/db/schema';
import { acceptWithAccount, invitationByToken } from '$lib/server/accounts/acceptance';
import {
	accountsOverview,
	resendInvitation,
	revokeInvitation,
	revokeRole,
	setAccountActive
} from '$lib/server/accounts/admin';
import { sendInvitation } from '$lib/server/accounts/invitations';
import { organisationsOf } from '$lib/server/accounts/overview';
import { changePassword, renameAccount } from '$lib/server/accounts/profile';
import { recentAuditEvents } from '$lib/server/ops/audit';
import { adminDashboard } from '$lib/server/ops/dashboard';
import { loadQuestionnaires } from '$lib/server/questionnaires/registry';
import { createSchool, updateSchool } from '$lib/server/schools/admin';
import { checkImport, importSchools } from '$lib/server/schools/import';
import { openSchoolRound, roundRefusal, schoolPage } from '$lib/server/schools/page';
import { createSwv, setSwvActive, swvList, updateSwv } from '$lib/server/swv/admin';
import { dbWithSwv } from '../helpers/db';
import { tempDir } from '../helpers/tmp';

/**
 * The server functions behind the admin pages, the account page, the overview, the invitation
 * page and a school's page, on a real SQLite file: the rules the browser tests do not reach.
 */
const registry = loadQuestionnaires('questionnaires');

function setup() {
	process.env.MAIL_OUTBOX = join(tempDir(), 'outbox');
	const env = dbWithSwv();
	const admin: SessionUser = { ...env.person('beheer@example.org'), isAdmin: true };
	const actions = () => recentAuditEvents(env.db).map((e) => e.action);
	return { ...env, admin, actions };
}

const settings = {
	version: 1,
	title: 'Ronde',
	closesAt: null,
	minRespondents: 5,
	askGroups: false
};

/** Enough of a request for signing in: the cookie it sets is kept here. */
function fakeEvent() {
	const cookies = new Map<string, string>();
	const event = {
		url: new URL('http://localhost/account'),
		cookies: { set: (name: string, value: string) => cookies.set(name, value) }
	} as unknown as RequestEvent;
	return { event, cookies };
}

describe('SWVs and schools under /beheer', () => {
	it('an SWV takes its sector from its code, and keeps its own code when edited', () => {
		const { db, admin } = setup();
		const made = createSwv(db, { code: 'VO2705', name: 'Voortgezet' }, admin.id);
		expect(made.ok).toBe(true);
		const id = made.ok ? made.id : 0;
		expect(db.select().from(t.swv).where(eq(t.swv.id, id)).get()?.sector).toBe('vo');
		expect(updateSwv(db, id, { code: 'VO2705', name: 'Nieuwe naam' }, admin.id)).toEqual({
			ok: true
		});
		// Another SWV's code clashes, and nothing is saved.
		expect(updateSwv(db, id, { code: 'PO2701', name: 'Botst' }, admin.id)).toMatchObject({
			ok: false,
			field: 'code'
		});
		expect(swvList(db).map((s) => [s.code, s.name])).toEqual([
			['PO2701', 'SWV'],
			['VO2705', 'Nieuwe naam']
		]);
	});

	it('a deactivated SWV drops off its coordinators’ overview until it is active again', () => {
		const { db, swv, school, person, admin, actions } = setup();
		const s = school('12AA');
		const both = person('beide@example.org', [{ swvId: swv.id }, { schoolId: s.id }]);
		expect(organisationsOf(db, both).swvs.map((v) => v.id)).toEqual([swv.id]);
		setSwvActive(db, swv.id, false, admin.id);
		expect(organisationsOf(db, both)).toMatchObject({ swvs: [], schools: [{ id: s.id }] });
		setSwvActive(db, swv.id, true, admin.id);
		expect(organisationsOf(db, both).swvs).toHaveLength(1);
		expect(actions().slice(0, 2)).toEqual(['swv.geactiveerd', 'swv.gedeactiveerd']);
	});

	it('a school keeps its own number when saved; another school’s number clashes', () => {
		const { db, swv, school, admin } = setup();
		const a = school('12AA');
		school('12AB');
		const fields = { vestiging: '00', name: 'Nieuw', place: 'Plaats', schoolType: 'sbo' as const };
		expect(updateSchool(db, a, { instellingscode: '12AA', ...fields }, admin.id)).toEqual({
			ok: true
		});
		expect(db.select().from(t.school).where(eq(t.school.id, a.id)).get()).toMatchObject({
			name: 'Nieuw',
			schoolType: 'sbo'
		});
		expect(updateSchool(db, a, { instellingscode: '12AB', ...fields }, admin.id)).toMatchObject({
			ok: false,
			field: 'instellingscode'
		});
		expect(
			createSchool(db, swv.id, { instellingscode: '12AA', ...fields }, admin.id)
		).toMatchObject({ ok: false, field: 'instellingscode' });
		// Another branch of the same school is a school of its own.
		expect(
			createSchool(db, swv.id, { ...fields, instellingscode: '12AA', vestiging: '01' }, admin.id)
		).toMatchObject({ ok: true });
	});
});

describe('the school import', () => {
	const csv = [
		'instellingscode;naam;plaats;swv;schooltype',
		'12AA;Bestaat al;Plaats;PO 27-01;po',
		'12AB;Nieuw;Plaats;PO 27-01;po',
		'12AC;Fout SWV;Plaats;PO 99-99;po'
	].join('\n');

	it('skips schools that exist, and imports nothing from a file with errors unless forced', () => {
		const { db, school, admin } = setup();
		school('12AA');
		const c = checkImport(db, csv);
		expect(c.skipped).toEqual([{ line: 2, message: '12AA00 bestaat al; niet gewijzigd' }]);
		expect(c.problems.map((p) => p.line)).toEqual([4]);
		expect(c.rows.map((r) => r.instellingscode)).toEqual(['12AB']);
		const refused = importSchools(db, c, false, admin.id);
		expect(refused).toMatchObject({ ok: false });
		expect(db.select().from(t.school).all()).toHaveLength(1);
		expect(importSchools(db, c, true, admin.id)).toEqual({ ok: true, imported: 1 });
		expect(
			db
				.select()
				.from(t.school)
				.all()
				.map((s) => s.name)
		).toEqual(['School 12AA', 'Nieuw']);
		expect(recentAuditEvents(db)[0]).toMatchObject({
			action: 'school.import',
			who: 'beheer@example.org'
		});
	});
});

describe('accounts under /beheer/accounts', () => {
	it('an admin cannot deactivate their own account; deactivating another ends its sessions', () => {
		const { db, person, admin } = setup();
		const other = person('ander@example.org');
		createSession(db, generateSessionToken(), other.id);
		expect(setAccountActive(db, admin, admin.id, false)).toMatchObject({ ok: false, status: 400 });
		expect(setAccountActive(db, admin, crypto.randomUUID(), false)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(setAccountActive(db, admin, other.id, false)).toEqual({
			ok: true,
			message: 'ander@example.org is gedeactiveerd.'
		});
		expect(db.select().from(t.session).where(eq(t.session.userId, other.id)).all()).toEqual([]);
		expect(accountsOverview(db).users.find((u) => u.id === other.id)).toMatchObject({
			active: false
		});
	});

	it('a role that is gone, and an invitation withdrawn twice, answer 404 and change nothing', async () => {
		const { db, school, admin, actions } = setup();
		const s = school('12AA');
		expect(revokeRole(db, admin, 999, true)).toMatchObject({ ok: false, status: 404 });
		await sendInvitation(db, admin, 'nieuw@school.nl', { scope: 'school', school: s }, 'http://x');
		const [inv] = accountsOverview(db).invitations;
		expect(inv).toMatchObject({ email: 'nieuw@school.nl', what: 'coördinator van School 12AA' });
		expect(revokeInvitation(db, admin, inv!.id)).toMatchObject({ ok: true });
		expect(revokeInvitation(db, admin, inv!.id)).toMatchObject({ ok: false, status: 404 });
		expect(await resendInvitation(db, admin, inv!.id, 'http://x')).toMatchObject({
			ok: false,
			status: 404
		});
		expect(accountsOverview(db).invitations).toEqual([]);
		expect(actions().filter((a) => a.startsWith('uitnodiging'))).toEqual([
			'uitnodiging.ingetrokken',
			'uitnodiging.verstuurd'
		]);
	});

	it('resending gives a new link and the old one stops working', async () => {
		const { db, school, admin } = setup();
		const s = school('12AA');
		await sendInvitation(db, admin, 'nieuw@school.nl', { scope: 'school', school: s }, 'http://x');
		const first = accountsOverview(db).invitations[0]!;
		expect(await resendInvitation(db, admin, first.id, 'http://x')).toMatchObject({ ok: true });
		const open = accountsOverview(db).invitations;
		expect(open).toHaveLength(1);
		expect(open[0]!.id).not.toBe(first.id);
	});
});

describe('the own account and the invitation page', () => {
	it('a wrong current password changes nothing; the right one signs out every other session', async () => {
		const { db, person } = setup();
		const me = person('ik@school.nl');
		db.update(t.user)
			.set({ passwordHash: await hashPassword('oud-wachtwoord') })
			.where(eq(t.user.id, me.id))
			.run();
		createSession(db, generateSessionToken(), me.id);
		const { event, cookies } = fakeEvent();
		expect(await changePassword(db, event, me, 'verkeerd', 'nieuw-wachtwoord')).toBe(false);
		expect(db.select().from(t.session).all()).toHaveLength(1);
		expect(cookies.size).toBe(0);
		expect(await changePassword(db, event, me, 'oud-wachtwoord', 'nieuw-wachtwoord')).toBe(true);
		const row = db.select().from(t.user).where(eq(t.user.id, me.id)).get()!;
		expect(await verifyPasswordHash(row.passwordHash!, 'nieuw-wachtwoord')).toBe(true);
		// Only the session just made for this request is left.
		expect(db.select().from(t.session).all()).toHaveLength(1);
		expect(cookies.size).toBe(1);
		renameAccount(db, me, 'Nieuwe Naam');
		expect(db.select().from(t.user).where(eq(t.user.id, me.id)).get()?.name).toBe('Nieuwe Naam');
	});

	it('an invitation is taken on only when signed in with the invited address', async () => {
		const { db, school, person, admin } = setup();
		const s = school('12AA');
		const invited = person('uitgenodigd@school.nl');
		const someoneElse = person('ander@school.nl');
		await sendInvitation(db, admin, invited.email, { scope: 'school', school: s }, 'http://x');
		const dir = process.env.MAIL_OUTBOX!;
		const mail = readdirSync(dir)
			.map((f) => readFileSync(join(dir, f), 'utf8'))
			.join('\n');
		const token = /\/uitnodigingen\/([\w-]+)/.exec(mail.replace(/=\r?\n/g, ''))![1]!;
		expect(invitationByToken(db, 'x'.repeat(32))).toEqual({ found: false });
		const found = invitationByToken(db, token);
		if (!found.found || found.state !== 'geldig') throw new Error('geen geldige uitnodiging');
		expect(found.account?.id).toBe(invited.id);
		expect(acceptWithAccount(db, found.inv, found.account, null)).toMatchObject({ status: 403 });
		expect(acceptWithAccount(db, found.inv, found.account, someoneElse)).toMatchObject({
			status: 403
		});
		expect(acceptWithAccount(db, found.inv, found.account, invited)).toEqual({
			ok: true,
			userId: invited.id
		});
		expect(invitationByToken(db, token)).toEqual({ found: true, state: 'gebruikt' });
		expect(organisationsOf(db, invited).schools.map((x) => x.id)).toEqual([s.id]);
	});
});

describe('a school’s page and the admin’s start page', () => {
	it('rounds show only to the school’s own coordinators; a deactivated school opens none', () => {
		const { db, swv, school, person, admin } = setup();
		const s = school('12AA');
		const own = person('coord@school.nl', [{ schoolId: s.id }]);
		const overseer = person('swv@example.org', [{ swvId: swv.id }]);
		expect(roundRefusal(s)).toBeNull();
		const id = openSchoolRound(db, registry, s, settings, own.id);
		expect(schoolPage(db, registry, own, s).rounds).toMatchObject([
			{ id, title: 'Ronde', open: true, submitted: 0, released: false }
		]);
		expect(schoolPage(db, registry, overseer, s)).toMatchObject({ coordinate: false, rounds: [] });
		expect(schoolPage(db, registry, admin, s).rounds).toEqual([]);
		expect(roundRefusal({ ...s, active: false })).toMatch(/gedeactiveerd/);

		const dashboard = adminDashboard(db, registry);
		expect(dashboard.counts).toEqual({ swvs: 1, schools: 1, users: 3 });
		expect(dashboard.activeSwvs).toBe(1);
		const used = dashboard.versions.find((v) => v.id === 'school-scan' && v.version === 1)!;
		expect(used.rounds).toBe(1);
		expect(used.firstUsedAt).toBeInstanceOf(Date);
		expect(recentAuditEvents(db)[0]).toMatchObject({
			action: 'ronde.geopend',
			who: 'coord@school.nl',
			targetId: String(id)
		});
	});
});
