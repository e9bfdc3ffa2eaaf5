import { and, desc, eq, isNull } from 'drizzle-orm';
import { startStatus } from '$lib/domain/swv/start-status';
import { schoolsOfSwv, type SchoolRow, type SwvRow } from '../auth/access';
import type { SessionUser } from '../auth/session';
import { coordinatorsOf } from '../accounts/coordinators';
import type { Db } from '../db/open';
import { round } from '../db/schema';
import { audit } from '../ops/audit';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { defaultRoundTitle } from '$lib/domain/round-title';
import { createRound, isRoundOpen, submittedCount, type RoundSettings } from '../rounds/rounds';
import { handedInPerRound } from './picture';

/** The SWV's home page: its schools and where each stands, its own scans, its coordinators. */
export function swvHome(db: Db, registry: QuestionnaireRegistry, s: SwvRow, now = new Date()) {
	// All the SWV's rounds, once: its own scans and its schools' open rounds both come from it.
	const rounds = db
		.select()
		.from(round)
		.where(and(eq(round.swvId, s.id), isNull(round.companionOfRoundId)))
		.orderBy(desc(round.opensAt))
		.all();
	// Only sent responses count, for the SWV too: never how many began.
	const sent = handedInPerRound(db, and(eq(round.swvId, s.id), eq(round.scope, 'school')));
	return {
		swv: { id: s.id, name: s.name, code: s.code, sector: s.sector },
		schools: schoolsOfSwv(db, s.id).map((x) => ({
			id: x.id,
			name: x.name,
			place: x.place,
			schoolType: x.schoolType,
			active: x.active,
			...startStatus(
				rounds
					.filter((r) => r.schoolId === x.id)
					.map((r) => ({
						opensAt: r.opensAt,
						open: isRoundOpen(r),
						sent: sent.get(r.id) ?? 0
					})),
				x.active,
				now
			)
		})),
		rounds: rounds
			.filter((r) => r.scope === 'swv')
			.map((r) => ({
				id: r.id,
				title: r.title,
				open: isRoundOpen(r),
				submitted: submittedCount(db, r.id)
			})),
		openSchoolRounds: new Set(
			rounds.filter((r) => r.scope === 'school' && isRoundOpen(r)).map((r) => r.schoolId)
		).size,
		swvVersions: registry.versions('swv-scan').map((q) => ({ version: q.version, title: q.title })),
		schoolVersions: registry
			.versions('school-scan')
			.map((q) => ({ version: q.version, title: q.title })),
		defaultTitle: defaultRoundTitle(
			now,
			rounds.filter((r) => r.scope === 'swv').map((r) => r.title)
		),
		...coordinatorsOf(db, { scope: 'swv', swv: s })
	};
}

/** The SWV's own scan, answered by its staff, boards and OPR; returns the new round's id. */
export function openOwnRound(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	settings: RoundSettings,
	me: SessionUser
): number {
	const id = createRound(
		db,
		registry,
		{ scope: 'swv', schoolId: null, swvId: s.id, questionnaireId: 'swv-scan', openedBySwv: true },
		settings,
		me.id
	);
	audit(db, me.id, 'ronde.geopend', { type: 'ronde', id }, { swvId: s.id });
	return id;
}

/**
 * One round for each chosen active school of the SWV, same version and dates; shared with the
 * SWV. Returns the schools it opened rounds for (none when no chosen id is an active school).
 */
export function openSchoolRounds(
	db: Db,
	registry: QuestionnaireRegistry,
	s: SwvRow,
	settings: RoundSettings,
	schoolIds: readonly number[],
	me: SessionUser
): SchoolRow[] {
	const schools = schoolsOfSwv(db, s.id).filter((x) => x.active && schoolIds.includes(x.id));
	if (schools.length === 0) return schools;
	db.transaction(() => {
		for (const school of schools)
			createRound(
				db,
				registry,
				{
					scope: 'school',
					schoolId: school.id,
					swvId: s.id,
					questionnaireId: 'school-scan',
					openedBySwv: true
				},
				settings,
				me.id
			);
	});
	audit(
		db,
		me.id,
		'ronde.geopend-voor-scholen',
		{ type: 'swv', id: s.id },
		{ schools: schools.length }
	);
	return schools;
}

/** One of the SWV's schools by id, or null when it does not belong to the SWV. */
export function schoolOfSwv(db: Db, s: SwvRow, schoolId: number): SchoolRow | null {
	return schoolsOfSwv(db, s.id).find((x) => x.id === schoolId) ?? null;
}
