import { isoDay } from '$lib/domain/format';
import { schoolReport, type SchoolReport, type SchoolReportInput } from '$lib/domain/school-report';
import type { RoundRow } from '../auth/access';
import { planOf, previousRound } from '../rounds/action-plan';
import { catalogItems } from '../catalog/catalog';
import type { Db } from '../db/open';
import { swv } from '../db/schema';
import type { QuestionnaireRegistry } from '../questionnaires/registry';
import { disclosedRound } from './disclosure';
import { companionInputs } from './companion-results';
import { releasedSchoolScores } from './benchmarks';
import { roundComments } from './comments';
import { isRoundOpen, roundContext, roundQuestionnaire, roundSchool } from '../rounds/rounds';
import { eq } from 'drizzle-orm';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Gathers from the database what the report model of a round is made from. */
export function roundReportInput(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow,
	withComments: boolean,
	today = isoDay()
): SchoolReportInput {
	const q = roundQuestionnaire(registry, r);
	const s = roundSchool(db, r);
	const prev = previousRound(db, r);
	const unitSwv = db.select().from(swv).where(eq(swv.id, r.swvId)).get()!;
	const shown = disclosedRound(db, registry, r);
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
		result: {
			state: shown.state,
			score: shown.score,
			pending: shown.state === 'shown' ? shown.pending : null,
			shownAt: shown.state === 'shown' ? shown.shownAt.toISOString() : null
		},
		// The general catalogue and this SWV's own offers, never another SWV's.
		catalog: catalogItems(db, unitSwv.id),
		today,
		plan: planOf(db, r.id),
		previous: prev
			? {
					id: prev.id,
					title: prev.title,
					// Only what the previous round itself shows is compared.
					score: registry.get(prev.questionnaireId, prev.questionnaireVersion)
						? disclosedRound(db, registry, prev).score
						: null,
					plan: planOf(db, prev.id)
				}
			: null,
		benchmarks: s
			? {
					swv: releasedSchoolScores(db, registry, { swvId: s.swvId }, s.id),
					sameType: releasedSchoolScores(db, registry, { schoolType: s.schoolType }, s.id)
				}
			: null,
		// Comments are for the school's own coordinators only, and only of the responses shown.
		comments:
			withComments && shown.state === 'shown' ? roundComments(db, r.id, shown.memberIds) : {},
		companions: companionInputs(db, registry, r, withComments)
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
	return browserResults(schoolReport(roundReportInput(db, registry, r, withComments)));
}

/**
 * The report model as the browser may receive it: per group only what the page shows (its
 * size and theme scores), nothing that the page leaves out.
 */
export function browserResults(model: SchoolReport) {
	return {
		...model,
		score: {
			...model.score,
			groups: model.score.groups.map((g) => ({
				group: g.group,
				label: g.label,
				respondents: g.respondents,
				themes: g.themes.map((t) => ({ themeId: t.themeId, score: t.score }))
			}))
		}
	};
}

export type RoundResults = ReturnType<typeof browserResults>;
