import { ACTION_STATUS_LABELS, type PlanEntry } from './action-plan';
import { formatDate, formatFixed, formatList, formatPercent } from './format';
import { AUDIENCE_WORDS, type AudienceWords } from './report-audience';
import type { Level, Questionnaire } from './questionnaire/schema';
import { VERDICT_LABELS, type RoundSummary } from './report';
import {
	DEFAULT_SIGNALS,
	DISTRIBUTION_MIN_RESPONDENTS,
	effectiveMinimum,
	type RoundScore,
	type ThemeScore
} from './scoring';

/**
 * The texts of a round's report, written from its scores and levels in the words of its
 * audience: a school's SOP and MR, or an SWV's ondersteuningsplan, OPR and board; and the appendix
 * on method. The report model (school-report.ts) puts them beside the figures.
 */

/** A block of plain text: a heading, paragraphs and an optional list. */
export interface TextBlock {
	heading: string;
	paragraphs: string[];
	bullets?: string[];
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

function actionSentence(a: PlanEntry): string {
	const due = a.dueOn ? `, uiterlijk ${formatDate(a.dueOn)}` : '';
	return `${a.action} (${a.owner}${due}; ${ACTION_STATUS_LABELS[a.status].toLowerCase()})`;
}

const VERDICT_SENTENCE = {
	'gaat-goed': 'Dit thema gaat goed.',
	aandachtspunt: 'Dit thema is een aandachtspunt.',
	risico: 'Op dit thema ligt een risico.'
} as const;

/**
 * Plain-language text about one theme, written from its score and level: for a school's SOP,
 * or for an SWV's ondersteuningsplan (`w`, the audience's words).
 */
export function sopText(
	t: ThemeScore,
	q: Questionnaire,
	who: string,
	plan: readonly PlanEntry[],
	respondents: number,
	w: AudienceWords = AUDIENCE_WORDS.school
): string[] {
	const theme = q.themes.find((th) => th.id === t.themeId);
	const out: string[] = [];
	if (t.score === null || !t.level) {
		out.push(
			`Over ${lowerFirst(t.title)} gaven te weinig ${w.respondents} een antwoord om een uitspraak te doen. ` +
				`${w.Unit} neemt dit thema mee in de volgende scan.`
		);
		return out;
	}
	const level = q.levels.find((l) => l.id === t.level!.id);
	out.push(
		`${theme?.intro ?? ''} Met de Scan Passend Onderwijs beoordeelden ${respondents} ${respondents === 1 ? w.respondent : w.respondents} van ${who} ` +
			`dit thema. ${w.Unit} staat hier op het niveau ${lowerFirst(t.level.name)} (${t.score} van 100). ` +
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
			`Veel ${w.respondents} weten niet goed hoe dit ${w.where} geregeld is (${formatPercent(t.dontKnowShare ?? 0)} "weet ik niet"); ` +
				`${w.unit} zorgt dat iedereen weet wat er is afgesproken.`
		);
	if (t.signals.divergentViews) signals.push(w.divergent);
	if (signals.length) out.push(signals.join(' '));
	const actions = plan.filter((a) => a.themeId === t.themeId);
	if (actions.length)
		out.push(`Hieraan werkt ${w.unit}: ${actions.map(actionSentence).join('; ')}.`);
	else if (t.level.verdict !== 'gaat-goed')
		out.push(`${w.Unit} bepaalt in ${w.its} actieplan hoe ${w.it} dit thema verder ontwikkelt.`);
	else out.push(`${w.Unit} houdt vast aan wat werkt en volgt dit bij de volgende scan.`);
	return out;
}

/**
 * One page the medezeggenschapsraad (or, for an SWV, its OPR and board) can read without the
 * rest of the report.
 */
export function mrSummary(
	score: RoundScore,
	summary: RoundSummary,
	who: string,
	period: string,
	plan: readonly PlanEntry[],
	levels: readonly Level[],
	w: AudienceWords = AUDIENCE_WORDS.school
): TextBlock[] {
	const blocks: TextBlock[] = [
		{
			heading: 'Wat is er onderzocht?',
			paragraphs: [
				`${w.investigated(who)} ${score.respondents} ` +
					`${score.respondents === 1 ? `${w.respondent} vulde` : `${w.respondents} vulden`} de vragenlijst in, ${period}. ` +
					'De antwoorden zijn anoniem; uitkomsten tonen we alleen als genoeg mensen hebben meegedaan.'
			]
		}
	];
	if (score.disclosure === 'hidden') {
		blocks.push({
			heading: 'Uitkomsten',
			paragraphs: [
				`Er hebben te weinig ${w.respondents} meegedaan om uitkomsten te tonen: dat kan pas vanaf ${score.minRespondents} respondenten.`
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
				? `Gemiddeld over alle thema's staat ${w.unit} op het niveau ${lowerFirst(score.overall.level.name)} (${score.overall.score} van 100). ` +
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
					heading: `Wat gaat ${w.unit} doen?`,
					paragraphs: ['In het actieplan bij deze scan staan de volgende acties:'],
					bullets: plan.map((a) => `${a.theme}: ${actionSentence(a)}`)
				}
			: {
					heading: `Wat gaat ${w.unit} doen?`,
					paragraphs: [
						`Bij deze scan is nog geen actieplan vastgesteld. ${w.Unit} kiest hoogstens drie thema’s om aan te werken.`
					]
				}
	);
	const weakest = [...summary.verdicts.risico, ...summary.verdicts.aandachtspunt][0];
	blocks.push({
		heading: w.questionsHeading,
		paragraphs: [],
		bullets: w.questions(weakest ? lowerFirst(weakest.title) : null)
	});
	return blocks;
}

/** The short appendix on method: scale, levels, disclosure and signals. */
export function methodText(
	q: Questionnaire,
	minRespondents: number,
	w: AudienceWords = AUDIENCE_WORDS.school
): TextBlock[] {
	const scale = q.scales[0];
	const options = scale?.options.filter((o) => !o.dontKnow).map((o) => `${o.value} ${o.label}`);
	const signals = q.signals ?? DEFAULT_SIGNALS;
	const min = effectiveMinimum(minRespondents);
	return [
		{
			heading: 'Schaal en score',
			paragraphs: [
				`${w.respondents[0]!.toUpperCase()}${w.respondents.slice(1)} geven bij elke stelling aan in hoeverre die klopt${options ? `: ${options.join(', ')}` : ''}. ` +
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
					`De open toelichtingen van ${w.respondents} staan niet in dit rapport: zij zijn alleen voor de coördinatoren.`
			]
		}
	];
}
