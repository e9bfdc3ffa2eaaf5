import { formatDate, formatFixed, formatList, formatPercent, isoDay } from './format';
import { ACTION_STATUS_LABELS, type ActionStatus } from './action-plan';
import { recommend, type CatalogItem } from './catalog';
import { compareThemes } from './compare';
import type { Level, Questionnaire } from './questionnaire/schema';
import { summarizeRound, VERDICT_LABELS } from './report';
import { SCHOOL_TYPE_LABELS, type ScanContext } from './school-type';
import {
	DEFAULT_SIGNALS,
	DISTRIBUTION_MIN_RESPONDENTS,
	effectiveMinimum,
	scoreRound,
	type GroupTally,
	type RoundScore,
	type ThemeScore
} from './scoring';

/**
 * The report model of one round: everything the results page shows and the school PDF prints,
 * assembled from plain data in one place, so that page and PDF can never disagree. Also the
 * texts for the schoolondersteuningsprofiel (SOP) and the medezeggenschapsraad (MR), written
 * from the same scores and levels.
 */

export interface ActionInput {
	id: number;
	themeId: string;
	action: string;
	owner: string;
	dueOn: string | null;
	status: ActionStatus;
}

export interface SchoolReportInput {
	round: {
		id: number;
		title: string;
		status: 'open' | 'closed';
		/** ISO timestamps. */
		opensAt: string;
		closesAt: string | null;
		closedAt: string | null;
		minRespondents: number;
	};
	questionnaire: Questionnaire;
	context: ScanContext;
	/** The school, or null for an SWV's own scan. */
	school: { id: number; name: string; place: string } | null;
	swv: { id: number; code: string; name: string };
	/** What the disclosure model lets this round show now (see `disclosure.ts`). */
	result: {
		state: 'open' | 'too-few' | 'shown';
		score: RoundScore;
		/** Sent responses waiting for an update of the figures, and how many more it needs. */
		pending: { newSince: number; needed: number } | null;
		/** ISO timestamp of the release shown. */
		shownAt: string | null;
	};
	catalog: readonly CatalogItem[];
	/** Today as YYYY-MM-DD: what counts as a coming or a past offer, and the report's date. */
	today: string;
	plan: readonly ActionInput[];
	/** The school's round before this one, with what is needed to score it (when closed). */
	previous: {
		id: number;
		title: string;
		/** What that round shows (null: nothing, or not finished). */
		score: RoundScore | null;
		plan: readonly ActionInput[];
	} | null;
	/** Theme scores of other schools (latest released rounds), for a school's round only. */
	benchmarks: {
		swv: readonly Record<string, number | null>[];
		sameType: readonly Record<string, number | null>[];
	} | null;
	comments: Record<string, string[]>;
}

/**
 * The result of a round that shows its answers for the first time, as one view: the first
 * release of the disclosure model (later releases are decided by `decideDisclosure`).
 */
export function firstView(
	q: Questionnaire,
	context: ScanContext,
	tallies: readonly GroupTally[],
	minRespondents: number,
	shownAt: string | null = null
): SchoolReportInput['result'] {
	const score = scoreRound(q, context, tallies, minRespondents);
	return {
		state: score.disclosure === 'hidden' ? 'too-few' : 'shown',
		score,
		pending: null,
		shownAt
	};
}

/** A block of plain text: a heading, paragraphs and an optional list. */
export interface TextBlock {
	heading: string;
	paragraphs: string[];
	bullets?: string[];
}

/** "OBS De Regenboog" → "obs-de-regenboog": letters and digits only, accents dropped. */
export function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'rapport'
	);
}

/**
 * The PDF's file name: the school (or the SWV, for its own scan) and the day the round closed,
 * or today while it is still open, so a closed round's report keeps one name.
 */
export function reportFileName(name: string, closedAt: string | null, today: string): string {
	const day = closedAt ? isoDay(closedAt) : today;
	return `scan-passend-onderwijs-${slug(name)}-${day}.pdf`;
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

const planEntry = (q: Questionnaire) => (i: ActionInput) => ({
	id: i.id,
	theme: q.themes.find((t) => t.id === i.themeId)?.title ?? i.themeId,
	themeId: i.themeId,
	action: i.action,
	owner: i.owner,
	dueOn: i.dueOn,
	status: i.status
});

export type PlanEntry = ReturnType<ReturnType<typeof planEntry>>;

function actionSentence(a: PlanEntry): string {
	const due = a.dueOn ? `, uiterlijk ${formatDate(a.dueOn)}` : '';
	return `${a.action} (${a.owner}${due}; ${ACTION_STATUS_LABELS[a.status].toLowerCase()})`;
}

const VERDICT_SENTENCE = {
	'gaat-goed': 'Dit thema gaat goed.',
	aandachtspunt: 'Dit thema is een aandachtspunt.',
	risico: 'Op dit thema ligt een risico.'
} as const;

/** Plain-language text for the SOP about one theme, written from its score and level. */
export function sopText(
	t: ThemeScore,
	q: Questionnaire,
	who: string,
	plan: readonly PlanEntry[],
	respondents: number
): string[] {
	const theme = q.themes.find((th) => th.id === t.themeId);
	const out: string[] = [];
	if (t.score === null || !t.level) {
		out.push(
			`Over ${lowerFirst(t.title)} gaven te weinig teamleden een antwoord om een uitspraak te doen. ` +
				'De school neemt dit thema mee in de volgende scan.'
		);
		return out;
	}
	const level = q.levels.find((l) => l.id === t.level!.id);
	out.push(
		`${theme?.intro ?? ''} Met de Scan Passend Onderwijs beoordeelden ${respondents} teamleden van ${who} ` +
			`dit thema. De school staat hier op het niveau ${lowerFirst(t.level.name)} (${t.score} van 100). ` +
			`${level?.description ?? ''} ${VERDICT_SENTENCE[t.level.verdict]}`.trim()
	);
	const rated = t.items.filter((i) => i.meanOnScale !== null);
	if (rated.length >= 2) {
		const best = rated.reduce((a, b) => (b.mean! > a.mean! ? b : a));
		const worst = rated.reduce((a, b) => (b.mean! < a.mean! ? b : a));
		out.push(
			`Het sterkst is: "${best.text}" (gemiddeld ${formatFixed(best.meanOnScale!)} op een schaal van 1 tot 4). ` +
				`Het meeste werk ligt bij: "${worst.text}" (gemiddeld ${formatFixed(worst.meanOnScale!)}).`
		);
	}
	const signals: string[] = [];
	if (t.signals.insufficientInsight)
		signals.push(
			`Veel teamleden weten niet goed hoe dit op school geregeld is (${formatPercent(t.dontKnowShare ?? 0)} "weet ik niet"); ` +
				'de school zorgt dat iedereen weet wat er is afgesproken.'
		);
	if (t.signals.divergentViews)
		signals.push(
			'De antwoorden lopen ver uiteen: niet iedereen in het team ziet dit hetzelfde. Daarover gaat het team in gesprek.'
		);
	if (signals.length) out.push(signals.join(' '));
	const actions = plan.filter((a) => a.themeId === t.themeId);
	if (actions.length)
		out.push(`Hieraan werkt de school: ${actions.map(actionSentence).join('; ')}.`);
	else if (t.level.verdict !== 'gaat-goed')
		out.push('De school bepaalt in haar actieplan hoe zij dit thema verder ontwikkelt.');
	else out.push('De school houdt vast aan wat werkt en volgt dit bij de volgende scan.');
	return out;
}

/** One page the medezeggenschapsraad can read without the rest of the report. */
export function mrSummary(
	score: RoundScore,
	summary: ReturnType<typeof summarizeRound>,
	who: string,
	period: string,
	plan: readonly PlanEntry[],
	levels: readonly Level[]
): TextBlock[] {
	const blocks: TextBlock[] = [
		{
			heading: 'Wat is er onderzocht?',
			paragraphs: [
				`Het team van ${who} heeft met de Scan Passend Onderwijs bekeken hoe ver de school is met passend onderwijs: ` +
					`onderwijs en ondersteuning die passen bij wat elke leerling nodig heeft. ${score.respondents} ` +
					`${score.respondents === 1 ? 'teamlid vulde' : 'teamleden vulden'} de vragenlijst in, ${period}. ` +
					'De antwoorden zijn anoniem; uitkomsten tonen we alleen als genoeg mensen hebben meegedaan.'
			]
		}
	];
	if (score.disclosure === 'hidden') {
		blocks.push({
			heading: 'Uitkomsten',
			paragraphs: [
				`Er hebben te weinig teamleden meegedaan om uitkomsten te tonen: dat kan pas vanaf ${score.minRespondents} respondenten.`
			]
		});
		return blocks;
	}
	const names = (ts: readonly ThemeScore[]) =>
		ts.length ? formatList(ts.map((t) => lowerFirst(t.title))) : "geen thema's";
	blocks.push({
		heading: 'De uitkomst in het kort',
		paragraphs: [
			score.overall.score !== null && score.overall.level
				? `Gemiddeld over alle thema's staat de school op het niveau ${lowerFirst(score.overall.level.name)} (${score.overall.score} van 100). ` +
					`De niveaus zijn, van laag naar hoog: ${formatList(levels.map((l) => lowerFirst(l.name)))}.`
				: "Er waren te weinig antwoorden om een gemiddelde over alle thema's te geven."
		],
		bullets: [
			`Gaat goed: ${names(summary.verdicts['gaat-goed'])}.`,
			`Aandachtspunten: ${names(summary.verdicts.aandachtspunt)}.`,
			`Risico's: ${names(summary.verdicts.risico)}.`
		]
	});
	blocks.push(
		plan.length
			? {
					heading: 'Wat gaat de school doen?',
					paragraphs: ['In het actieplan bij deze scan staan de volgende acties:'],
					bullets: plan.map((a) => `${a.theme}: ${actionSentence(a)}`)
				}
			: {
					heading: 'Wat gaat de school doen?',
					paragraphs: [
						'Bij deze scan is nog geen actieplan vastgesteld. De school kiest hoogstens drie thema’s om aan te werken.'
					]
				}
	);
	const weakest = [...summary.verdicts.risico, ...summary.verdicts.aandachtspunt][0];
	blocks.push({
		heading: 'Vragen die de MR kan stellen',
		paragraphs: [],
		bullets: [
			weakest
				? `Hoe gaat de school verder met ${lowerFirst(weakest.title)}, en wanneer hoort de MR hoe dat gaat?`
				: 'Hoe houdt de school vast wat goed gaat?',
			'Hoe komen de uitkomsten terug in het schoolondersteuningsprofiel?',
			'Hoe worden ouders en leerlingen betrokken bij de acties?',
			'Wanneer doet het team de scan opnieuw, om te zien of de acties werken?'
		]
	});
	return blocks;
}

/** The short appendix on method: scale, levels, disclosure and signals. */
export function methodText(q: Questionnaire, minRespondents: number): TextBlock[] {
	const scale = q.scales[0];
	const options = scale?.options.filter((o) => !o.dontKnow).map((o) => `${o.value} ${o.label}`);
	const signals = q.signals ?? DEFAULT_SIGNALS;
	const min = effectiveMinimum(minRespondents);
	return [
		{
			heading: 'Schaal en score',
			paragraphs: [
				`Teamleden geven bij elke stelling aan in hoeverre die klopt${options ? `: ${options.join(', ')}` : ''}. ` +
					'"Weet ik niet" telt niet mee in de score. Een antwoord telt als 0 tot 100 naar zijn plaats op de schaal ' +
					'(1 = 0, 2 = 33⅓, 3 = 66⅔, 4 = 100); de score van een thema is het gewogen gemiddelde van zijn stellingen, ' +
					'exact berekend en pas aan het eind afgerond op hele punten (een half punt naar boven).'
			]
		},
		{
			heading: 'Niveaus',
			paragraphs: ['Het niveau volgt uit de afgeronde score:'],
			bullets: q.levels.map(
				(l) =>
					`${l.name} (${l.from}–${l.to}, ${VERDICT_LABELS[l.verdict].toLowerCase()}): ${l.description}`
			)
		},
		{
			heading: 'Anonimiteit en signalen',
			paragraphs: [
				'Alleen verstuurde vragenlijsten tellen mee, en uitkomsten verschijnen pas als de ronde gesloten is. ' +
					`Uitkomsten verschijnen pas vanaf ${min} respondenten; vanaf ${Math.max(DISTRIBUTION_MIN_RESPONDENTS, min)} ook de verdeling van de antwoorden. ` +
					`Een stelling krijgt pas een gemiddelde als minstens ${min} mensen haar beantwoordden; anders blijft alles over die stelling weg. ` +
					`Een getoonde uitkomst verandert pas als er minstens ${min} nieuwe verstuurde vragenlijsten bij zijn, zodat niemand door twee uitkomsten te vergelijken één persoon herkent. ` +
					`"Onvoldoende zicht": meer dan ${formatPercent(signals.insufficientInsight)} van de antwoorden op een thema is "weet ik niet". ` +
					`"Beelden lopen uiteen": de spreiding van de antwoorden is groter dan ${signals.divergentViews} punten. ` +
					'De open toelichtingen van teamleden staan niet in dit rapport: zij zijn alleen voor de coördinatoren.'
			]
		}
	];
}

/** Assembles the whole report of a round from plain data. */
export function schoolReport(input: SchoolReportInput) {
	const { questionnaire: q, context, round: r } = input;
	const score = input.result.score;
	const summary = summarizeRound(score);
	const plan = input.plan.map(planEntry(q));
	const prev = input.previous;
	const shownPrev = prev?.score && prev.score.disclosure !== 'hidden' ? prev.score : null;
	const who = input.school ? input.school.name : input.swv.name;
	const ended = r.closedAt ?? (r.status === 'closed' ? r.closesAt : null);
	const period = ended
		? `van ${formatDate(r.opensAt)} tot ${formatDate(ended)}`
		: `sinds ${formatDate(r.opensAt)}; de ronde loopt nog`;
	return {
		round: {
			id: r.id,
			title: r.title,
			version: q.version,
			questionnaire: q.title
		},
		unit: input.school
			? { name: input.school.name, href: `/scholen/${input.school.id}` }
			: { name: 'Eigen scan van het samenwerkingsverband', href: `/swv/${input.swv.id}` },
		/** What the cover of the PDF says about whose round it is and when. */
		meta: {
			school: input.school ? `${input.school.name}, ${input.school.place}` : null,
			schoolType: context === 'swv' ? null : SCHOOL_TYPE_LABELS[context],
			swv: `${input.swv.name} (${input.swv.code.replace(/^(PO|VO)(\d\d)(\d\d)$/, '$1 $2-$3')})`,
			opensAt: formatDate(r.opensAt),
			endedAt: ended ? formatDate(ended) : null,
			open: r.status === 'open',
			period,
			today: formatDate(input.today),
			/** Name for the file: the school, or the SWV for its own scan. */
			slugSource: input.school ? input.school.name : input.swv.name
		},
		levels: q.levels.map((l) => ({
			id: l.id,
			name: l.name,
			from: l.from,
			to: l.to,
			verdict: l.verdict,
			description: l.description
		})),
		score,
		/** open: participation only; too-few: below the minimum; shown: figures. */
		state: input.result.state,
		pending: input.result.pending,
		shownAt: input.result.shownAt ? formatDate(input.result.shownAt) : null,
		summary,
		recommendations: recommend(
			input.catalog,
			score.themes,
			context,
			q.levels.at(-1)!.id,
			input.today,
			{ swvId: input.swv.id }
		),
		comparison:
			score.disclosure === 'hidden' || !input.benchmarks
				? null
				: {
						previousTitle: shownPrev ? prev!.title : null,
						themes: compareThemes(
							score.themes,
							shownPrev ? shownPrev.themes : null,
							input.benchmarks.swv,
							input.benchmarks.sameType,
							q.levels
						)
					},
		plan,
		previous: prev ? { id: prev.id, title: prev.title, plan: prev.plan.map(planEntry(q)) } : null,
		// Comments only once results show.
		comments: score.disclosure !== 'hidden' ? input.comments : {},
		sop:
			score.disclosure === 'hidden'
				? []
				: score.themes.map((t) => ({
						themeId: t.themeId,
						title: t.title,
						paragraphs: sopText(t, q, who, plan, score.respondents)
					})),
		mr: mrSummary(score, summary, who, period, plan, q.levels),
		method: methodText(q, r.minRespondents)
	};
}

export type SchoolReport = ReturnType<typeof schoolReport>;
