import { amsterdamDay, schoolReport, type SchoolReportInput } from '$lib/domain/school-report';
import type { RoundRow } from './access';
import { planOf, previousRound } from './action-plan';
import { catalogItems } from './catalog';
import type { Db } from './db/open';
import { swv } from './db/schema';
import type { QuestionnaireRegistry } from './questionnaires';
import { releasedSchoolScores, roundComments, roundTallies } from './results';
import { isRoundOpen, roundContext, roundQuestionnaire, roundSchool } from './rounds';
import { eq } from 'drizzle-orm';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Gathers from the database what the report model of a round is made from. */
export function roundReportInput(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow,
	withComments: boolean,
	today = amsterdamDay(new Date().toISOString())
): SchoolReportInput {
	const q = roundQuestionnaire(registry, r);
	const s = roundSchool(db, r);
	const prev = previousRound(db, r);
	const unitSwv = db.select().from(swv).where(eq(swv.id, r.swvId)).get()!;
	return {
		// A round past its closing date is finished like a closed one: it closed on that date.
		round: {
			id: r.id,
			title: r.title,
			status: isRoundOpen(r) ? 'open' : 'closed',
			opensAt: r.opensAt.toISOString(),
			closesAt: iso(r.closesAt),
			closedAt: iso(r.closedAt ?? (isRoundOpen(r) ? null : r.closesAt)),
			minRespondents: r.minRespondents
		},
		questionnaire: q,
		context: roundContext(db, r),
		school: s ? { id: s.id, name: s.name, place: s.place } : null,
		swv: { id: unitSwv.id, code: unitSwv.code, name: unitSwv.name },
		tallies: roundTallies(db, r.id),
		catalog: catalogItems(db),
		today,
		plan: planOf(db, r.id),
		previous: prev
			? {
					id: prev.id,
					title: prev.title,
					status: isRoundOpen(prev) ? 'open' : 'closed',
					questionnaire: registry.get(prev.questionnaireId, prev.questionnaireVersion) ?? null,
					// Only a finished previous round is compared; an open one needs no counting.
					tallies: isRoundOpen(prev) ? [] : roundTallies(db, prev.id),
					minRespondents: prev.minRespondents,
					plan: planOf(db, prev.id)
				}
			: null,
		benchmarks: s
			? {
					swv: releasedSchoolScores(db, registry, { swvId: s.swvId }, s.id),
					sameType: releasedSchoolScores(db, registry, { schoolType: s.schoolType }, s.id)
				}
			: null,
		// Comments are for the school's own coordinators only.
		comments: withComments ? roundComments(db, r.id) : {}
	};
}

/**
 * Everything a round's results page shows: scores, levels, signals, groups, comparison,
 * recommendations and action plans; comments only for the school's own coordinators. The
 * assembly is the domain's `schoolReport`, which the PDF renders too.
 */
export function roundResults(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow,
	withComments: boolean
) {
	return schoolReport(roundReportInput(db, registry, r, withComments));
}

export type RoundResults = ReturnType<typeof roundResults>;
