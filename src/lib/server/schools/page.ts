import { and, desc, eq, isNull } from 'drizzle-orm';
import { invitationRefusal, maySchool, type SchoolRow } from '../auth/access';
import type { SessionUser } from '../auth/session';
import { coordinatorsOf } from '../accounts/coordinators';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { round } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { defaultRoundTitle } from '$lib/domain/round-title';
import { responseRate, responseRateShort } from '$lib/domain/reminders';
import { companionChoices, createCompanionRound } from '../rounds/companion';
import { createRound, isRoundOpen, submittedCount, type RoundSettings } from '../rounds/rounds';
import { INACTIVE_SCHOOL_MESSAGE } from './status';

/** A school's page (`/scholen/[id]`) for those who oversee it, and opening a round there. */

/**
 * The school's details and coordinators; its rounds (titles, dates, how many sent) only for its
 * own coordinators, who open rounds; the SWV and admins see no rounds here.
 */
export function schoolPage(db: Db, registry: QuestionnaireRegistry, me: SessionUser, s: SchoolRow) {
	const coordinate = maySchool(db, me, s, 'coordinate');
	const rounds = coordinate
		? db
				.select()
				.from(round)
				.where(and(eq(round.schoolId, s.id), isNull(round.companionOfRoundId)))
				.orderBy(desc(round.opensAt))
				.all()
		: [];
	return {
		school: {
			id: s.id,
			name: s.name,
			place: s.place,
			schoolType: s.schoolType,
			code: `${s.instellingscode}${s.vestiging}`
		},
		coordinate,
		rounds: rounds.map((r) => {
			const submitted = submittedCount(db, r.id);
			const rate = responseRate(submitted, r.teamSize);
			return {
				id: r.id,
				title: r.title,
				open: isRoundOpen(r),
				opensAt: r.opensAt,
				closesAt: r.closesAt,
				submitted,
				/** "12 van 20 (60%)" when the coordinator gave the team size: from the total only. */
				rate: rate ? responseRateShort(rate) : null,
				released: !!r.releasedAt
			};
		}),
		companions: companionChoices(registry, 'school-scan'),
		versions: registry.versions('school-scan').map((q) => ({ version: q.version, title: q.title })),
		defaultTitle: defaultRoundTitle(
			new Date(),
			rounds.map((r) => r.title)
		),
		...coordinatorsOf(db, { scope: 'school', school: s }),
		// Whether this user may invite at all (the address is checked when it is sent).
		inviteRefusal: invitationRefusal(db, me, { scope: 'school', school: s }, '')
	};
}

/** Why no round can be opened for this school now (it is deactivated), or null. */
export const roundRefusal = (s: SchoolRow): string | null =>
	s.active ? null : INACTIVE_SCHOOL_MESSAGE;

/**
 * Opens the school's own round on the school scan, audited; returns its id. With `companion`
 * (e.g. the parents' questionnaire) its companion round opens with it, in one transaction.
 */
export function openSchoolRound(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SchoolRow,
	{
		companion = null,
		companionMinRespondents = null,
		...settings
	}: RoundSettings & { companion?: string | null; companionMinRespondents?: number | null },
	by: string
): number {
	const id = db.transaction(() => {
		const teamId = createRound(
			db,
			registry,
			{
				scope: 'school',
				schoolId: s.id,
				swvId: s.swvId,
				questionnaireId: 'school-scan',
				openedBySwv: false
			},
			settings,
			by
		);
		if (companion) {
			const team = db.select().from(round).where(eq(round.id, teamId)).get()!;
			createCompanionRound(db, registry, team, companion, companionMinRespondents);
		}
		return teamId;
	});
	audit(
		db,
		by,
		'ronde.geopend',
		{ type: 'ronde', id },
		{ schoolId: s.id, version: settings.version, ...(companion ? { companion } : {}) }
	);
	return id;
}
