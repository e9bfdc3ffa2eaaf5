import { error, type Cookies } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { RESUME_ALPHABET } from '$lib/domain/respondent';
import type { ScanContext } from '$lib/domain/school-type';
import type { Questionnaire } from '$lib/domain/questionnaire/schema';
import type { RoundRow, SchoolRow } from '../auth/access';
import { getDb, getQuestionnaires } from '../app';
import { hashToken } from '../auth/session';
import { generateLinkToken } from '../auth/tokens';
import type { Db } from '../db/open';
import { response, swv } from '../db/schema';
import { respondentQueries } from './queries';
import { isRoundOpen, roundQuestionnaire } from '../rounds/rounds';

/**
 * Respondents have no account. Their response is found by a random token in a cookie (only its
 * sha256 is stored), or, on another device, by the short resume code they were shown.
 */

export type ResponseRow = typeof response.$inferSelect;

export interface RespondentSession {
	db: Db;
	round: RoundRow;
	school: SchoolRow | null;
	/** What the respondent is told this is for: the school's name, or the SWV's. */
	unitName: string;
	q: Questionnaire;
	context: ScanContext;
	open: boolean;
	response: ResponseRow | null;
}

const cookieName = (roundId: number) => `antwoorden-${roundId}`;
const COOKIE_DAYS = 120;

export function respondentSession(token: string, cookies: Cookies): RespondentSession {
	const db = getDb();
	const queries = respondentQueries(db);
	const r = /^[a-z2-7]{26}$/.test(token) ? queries.roundByToken.get({ token }) : undefined;
	if (!r) {
		error(
			404,
			'Deze link werkt niet (meer). Vraag de coördinator van uw school om de juiste link.'
		);
	}
	const s = r.schoolId ? (queries.schoolById.get({ id: r.schoolId }) ?? null) : null;
	const unitName =
		s?.name ?? db.select({ name: swv.name }).from(swv).where(eq(swv.id, r.swvId)).get()!.name;
	const cookie = cookies.get(cookieName(r.id));
	const res = cookie
		? queries.responseByToken.get({ hash: hashToken(cookie), round: r.id })
		: undefined;
	return {
		db,
		round: r,
		school: s,
		unitName,
		q: roundQuestionnaire(getQuestionnaires(), r),
		context: s?.schoolType ?? 'swv',
		// A deactivated school collects no answers, even in a round someone reopened.
		open: isRoundOpen(r) && (s?.active ?? true),
		response: res ?? null
	};
}

function setCookie(cookies: Cookies, roundId: number, token: string) {
	cookies.set(cookieName(roundId), token, {
		path: '/s',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: COOKIE_DAYS * 24 * 3600
	});
}

export function generateResumeCode(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	// 256 is a multiple of 32: every character is equally likely.
	return [...bytes].map((b) => RESUME_ALPHABET[b & 31]).join('');
}

/** Starts an anonymous response and sets its cookie; returns the resume code to show. */
export function startResponse(
	db: Db,
	cookies: Cookies,
	r: RoundRow,
	group: string | null
): { response: ResponseRow; resumeCode: string } {
	const token = generateLinkToken();
	const resumeCode = generateResumeCode();
	const row = db
		.insert(response)
		.values({
			roundId: r.id,
			tokenHash: hashToken(token),
			resumeHash: hashToken(`${r.id}:${resumeCode}`),
			respondentGroup: group
		})
		.returning()
		.get();
	setCookie(cookies, r.id, token);
	return { response: row, resumeCode };
}

/**
 * Continues a response on this device with its resume code: the response gets a new cookie token
 * (the old device can continue with the code again). The code stays the same.
 */
export function resumeResponse(
	db: Db,
	cookies: Cookies,
	r: RoundRow,
	code: string
): ResponseRow | null {
	const row = db
		.select()
		.from(response)
		.where(and(eq(response.resumeHash, hashToken(`${r.id}:${code}`)), eq(response.roundId, r.id)))
		.get();
	if (!row) return null;
	const token = generateLinkToken();
	db.update(response)
		.set({ tokenHash: hashToken(token) })
		.where(eq(response.id, row.id))
		.run();
	setCookie(cookies, r.id, token);
	return row;
}

/**
 * The resume code cannot be read back from its hash, so the code is kept in a second cookie
 * (readable only by this site's respondent pages) to show it on every page.
 */
export const resumeCookieName = (roundId: number) => `hervatcode-${roundId}`;

export function rememberResumeCode(cookies: Cookies, roundId: number, code: string) {
	cookies.set(resumeCookieName(roundId), code, {
		path: '/s',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: COOKIE_DAYS * 24 * 3600
	});
}

/** Sends a response: from now on it counts. Sending again changes nothing. */
export function submitResponse(db: Db, r: ResponseRow): void {
	if (r.submittedAt) return;
	db.update(response).set({ submittedAt: new Date() }).where(eq(response.id, r.id)).run();
}
