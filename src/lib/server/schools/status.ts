import { and, eq } from 'drizzle-orm';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { round, school } from '../db/schema';

/**
 * Deactivating a school stops it collecting answers: its open rounds close now (their links then
 * say the round is closed), and no new round can be opened for it until it is active again.
 * Returns how many rounds were closed; all of it is in the audit log.
 */
export function setSchoolActive(db: Db, schoolId: number, active: boolean, by: string): number {
	return db.transaction((tx) => {
		tx.update(school).set({ active }).where(eq(school.id, schoolId)).run();
		const closed = active
			? 0
			: tx
					.update(round)
					.set({ status: 'closed', closedAt: new Date() })
					.where(and(eq(round.schoolId, schoolId), eq(round.status, 'open')))
					.run().changes;
		audit(
			db,
			by,
			active ? 'school.geactiveerd' : 'school.gedeactiveerd',
			{ type: 'school', id: schoolId },
			active ? undefined : { rondesGesloten: closed }
		);
		return closed;
	});
}

export const INACTIVE_SCHOOL_MESSAGE =
	'Deze school is gedeactiveerd: er kan geen ronde worden geopend. Vraag een beheerder de school weer te activeren.';
