import { recommend } from '$lib/domain/catalog';
import { compareThemes } from '$lib/domain/compare';
import { summarizeRound } from '$lib/domain/report';
import { scoreRound } from '$lib/domain/scoring';
import type { RoundRow } from './access';
import { planOf, previousRound, type ActionRow } from './action-plan';
import { catalogItems } from './catalog';
import type { Db } from './db/open';
import type { QuestionnaireRegistry } from './questionnaires';
import { releasedSchoolScores, roundComments, roundTallies } from './results';
import { roundContext, roundQuestionnaire, roundSchool } from './rounds';

const planEntry = (q: { themes: { id: string; title: string }[] }) => (i: ActionRow) => ({
	id: i.id,
	theme: q.themes.find((t) => t.id === i.themeId)?.title ?? i.themeId,
	action: i.action,
	owner: i.owner,
	dueOn: i.dueOn,
	status: i.status
});

/**
 * Everything a round's results page shows: scores, levels, signals, groups, comparison,
 * recommendations and action plans; comments only for the school's own coordinators.
 */
export function roundResults(
	db: Db,
	registry: QuestionnaireRegistry,
	r: RoundRow,
	withComments: boolean
) {
	const q = roundQuestionnaire(registry, r);
	const context = roundContext(db, r);
	const score = scoreRound(q, context, roundTallies(db, r.id), r.minRespondents);
	const s = roundSchool(db, r);
	const prev = previousRound(db, r);
	return {
		round: { id: r.id, title: r.title, version: r.questionnaireVersion, questionnaire: q.title },
		unit: s
			? { name: s.name, href: `/school/${s.id}` }
			: { name: 'Eigen scan van het samenwerkingsverband', href: `/swv/${r.swvId}` },
		levels: q.levels.map((l) => ({
			id: l.id,
			name: l.name,
			from: l.from,
			to: l.to,
			verdict: l.verdict
		})),
		score,
		summary: summarizeRound(score),
		recommendations: recommend(
			catalogItems(db),
			score.themes,
			context,
			q.levels.at(-1)!.id,
			new Date().toISOString().slice(0, 10)
		),
		comparison: (() => {
			if (score.disclosure === 'hidden' || !s) return null;
			const prevQ = prev
				? registry.get(prev.questionnaireId, prev.questionnaireVersion)
				: undefined;
			const prevScore =
				prev && prevQ && prev.status === 'closed'
					? scoreRound(prevQ, context, roundTallies(db, prev.id), prev.minRespondents)
					: null;
			return {
				previousTitle: prevScore && prevScore.disclosure !== 'hidden' ? prev!.title : null,
				themes: compareThemes(
					score.themes,
					prevScore && prevScore.disclosure !== 'hidden' ? prevScore.themes : null,
					releasedSchoolScores(db, registry, { swvId: s.swvId }, s.id),
					releasedSchoolScores(db, registry, { schoolType: s.schoolType }, s.id),
					q.levels
				)
			};
		})(),
		plan: planOf(db, r.id).map(planEntry(q)),
		previous: prev
			? { id: prev.id, title: prev.title, plan: planOf(db, prev.id).map(planEntry(q)) }
			: null,
		// Comments are for the school's own coordinators only, and only once results show.
		comments: withComments && score.disclosure !== 'hidden' ? roundComments(db, r.id) : {}
	};
}

export type RoundResults = ReturnType<typeof roundResults>;
