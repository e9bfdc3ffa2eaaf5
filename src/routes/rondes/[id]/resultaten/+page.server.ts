import { recommend } from '$lib/domain/catalog';
import { compareThemes } from '$lib/domain/compare';
import { summarizeRound } from '$lib/domain/report';
import { scoreRound } from '$lib/domain/scoring';
import { getDb, getQuestionnaires } from '$lib/server/app';
import { requireUser } from '$lib/server/access';
import { catalogItems } from '$lib/server/catalog';
import { planOf, previousRound, type ActionRow } from '$lib/server/action-plan';
import { releasedSchoolScores, roundComments, roundTallies } from '$lib/server/results';
import { roundContext, roundFor, roundQuestionnaire, roundSchool } from '$lib/server/rounds';
import type { PageServerLoad } from './$types';

const planEntry = (q: { themes: { id: string; title: string }[] }) => (i: ActionRow) => ({
	id: i.id,
	theme: q.themes.find((t) => t.id === i.themeId)?.title ?? i.themeId,
	action: i.action,
	owner: i.owner,
	dueOn: i.dueOn,
	status: i.status
});

/** A round's results for its coordinators: scores, levels, signals, groups and comments. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const r = roundFor(db, me, Number(params.id));
	const registry = getQuestionnaires();
	const q = roundQuestionnaire(registry, r);
	const context = roundContext(db, r);
	const score = scoreRound(q, context, roundTallies(db, r.id), r.minRespondents);
	const s = roundSchool(db, r);
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
			const prev = previousRound(db, r);
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
		previous: (() => {
			const prev = previousRound(db, r);
			return prev
				? { id: prev.id, title: prev.title, plan: planOf(db, prev.id).map(planEntry(q)) }
				: null;
		})(),
		// Comments are for the school's own coordinators only, and only once results show.
		comments: score.disclosure === 'hidden' ? {} : roundComments(db, r.id)
	};
};
