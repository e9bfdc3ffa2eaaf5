import { eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { invitation, membership, response, round, school, swv } from '../db/schema';

/** The typed confirmation every deletion of a school or SWV asks for. */
export const deletionConfirmation = z.object({
	confirm: z.literal('verwijder', { error: 'Typ "verwijder" om te bevestigen.' })
});

export interface Deleted {
	schools: number;
	rounds: number;
	responses: number;
}

/**
 * Removes schools and everything below them: their rounds (with responses, answers, comments,
 * action plans and snapshots, by cascade), coordinator roles and open invitations.
 */
function deleteSchools(db: Db, schoolIds: number[], extraRounds = sql`0`): Deleted {
	const rounds = db
		.select({ id: round.id })
		.from(round)
		.where(or(inArray(round.schoolId, schoolIds), extraRounds))
		.all()
		.map((r) => r.id);
	const responses = rounds.length
		? db
				.select({ n: sql<number>`count(*)` })
				.from(response)
				.where(inArray(response.roundId, rounds))
				.get()!.n
		: 0;
	if (rounds.length) db.delete(round).where(inArray(round.id, rounds)).run();
	if (schoolIds.length) {
		db.delete(membership).where(inArray(membership.schoolId, schoolIds)).run();
		db.delete(invitation).where(inArray(invitation.schoolId, schoolIds)).run();
		db.delete(school).where(inArray(school.id, schoolIds)).run();
	}
	return { schools: schoolIds.length, rounds: rounds.length, responses };
}

export function deleteSchool(db: Db, schoolId: number, by: string): Deleted {
	return db.transaction(() => {
		const name = db.select({ name: school.name }).from(school).where(eq(school.id, schoolId)).get();
		const deleted = deleteSchools(db, [schoolId]);
		audit(db, by, 'school.verwijderd', { type: 'school', id: schoolId }, { ...name, ...deleted });
		return deleted;
	});
}

/** An SWV with its schools, its own rounds, its norm (by cascade), roles and invitations. */
export function deleteSwv(db: Db, swvId: number, by: string): Deleted {
	return db.transaction(() => {
		const found = db.select({ code: swv.code }).from(swv).where(eq(swv.id, swvId)).get();
		const schoolIds = db
			.select({ id: school.id })
			.from(school)
			.where(eq(school.swvId, swvId))
			.all()
			.map((s) => s.id);
		const deleted = deleteSchools(db, schoolIds, eq(round.swvId, swvId));
		db.delete(membership).where(eq(membership.swvId, swvId)).run();
		db.delete(invitation).where(eq(invitation.swvId, swvId)).run();
		db.delete(swv).where(eq(swv.id, swvId)).run();
		audit(db, by, 'swv.verwijderd', { type: 'swv', id: swvId }, { ...found, ...deleted });
		return deleted;
	});
}
