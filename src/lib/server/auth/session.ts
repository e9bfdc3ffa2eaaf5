import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { session as sessionTable, user as userTable } from '../db/schema';

/**
 * Sessions as Lucia's guide teaches them: a random token in an httpOnly cookie, only its
 * sha256 in the database, a sliding expiry of 30 days renewed in the last 15.
 */
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
export const SESSION_COOKIE = 'sessie';

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	isAdmin: boolean;
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(db: Db, token: string, userId: string): Session {
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME)
	};
	db.insert(sessionTable).values(session).run();
	return session;
}

export function validateSessionToken(
	db: Db,
	token: string
): { session: Session; user: SessionUser } | { session: null; user: null } {
	const id = hashToken(token);
	const row = db
		.select({
			session: sessionTable,
			user: {
				id: userTable.id,
				email: userTable.email,
				name: userTable.name,
				isAdmin: userTable.isAdmin,
				active: userTable.active
			}
		})
		.from(sessionTable)
		.innerJoin(userTable, eq(sessionTable.userId, userTable.id))
		.where(eq(sessionTable.id, id))
		.get();
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	if (Date.now() >= session.expiresAt.getTime() || !user.active) {
		db.delete(sessionTable).where(eq(sessionTable.id, id)).run();
		return { session: null, user: null };
	}
	if (Date.now() >= session.expiresAt.getTime() - SESSION_LIFETIME / 2) {
		session.expiresAt = new Date(Date.now() + SESSION_LIFETIME);
		db.update(sessionTable)
			.set({ expiresAt: session.expiresAt })
			.where(eq(sessionTable.id, id))
			.run();
	}
	return {
		session,
		user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }
	};
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(sessionTable).where(eq(sessionTable.id, sessionId)).run();
}

export function invalidateUserSessions(db: Db, userId: string): void {
	db.delete(sessionTable).where(eq(sessionTable.userId, userId)).run();
}

export function setSessionTokenCookie(event: RequestEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt
	});
}

export function deleteSessionTokenCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
}
