import type { Questionnaire } from './questionnaire/schema';
import type { RoundScore } from './scoring';

/**
 * Companion questionnaires: a questionnaire for another audience (parents; later perhaps pupils)
 * that a school puts out beside its team round. The file says whose companion it is
 * (`companion.of`), its label, minimum, privacy text and invitation; a companion round is a
 * second round linked to the team round, with its own link, minimum and counts, and the team
 * round's lifecycle. Nothing here is specific to parents except the words a respondent reads,
 * which follow the questionnaire's audience.
 */

export const COMPANION_MINIMUM = 5;

export type Companion = NonNullable<Questionnaire['companion']>;

/** The newest version of each questionnaire that can go out beside `teamQuestionnaireId`. */
export function companionsOf(
	all: readonly Questionnaire[],
	teamQuestionnaireId: string
): (Questionnaire & { companion: Companion })[] {
	const newest = new Map<string, Questionnaire & { companion: Companion }>();
	for (const q of all) {
		if (q.companion?.of !== teamQuestionnaireId) continue;
		const seen = newest.get(q.id);
		if (!seen || seen.version < q.version)
			newest.set(q.id, q as Questionnaire & { companion: Companion });
	}
	return [...newest.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The companion's default minimum: the file's, and never below five. */
export const companionMinimum = (c: Companion) => Math.max(COMPANION_MINIMUM, c.minRespondents);

const longDate = (d: Date) =>
	d.toLocaleDateString('nl-NL', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	});

/**
 * The companion's ready invitation (for a newsletter or parent app), from its file's text with
 * `{link}`, `{minutes}` and `{school}` filled in; `{closesAt}` becomes "; invullen kan tot en
 * met <date>", or nothing without a closing date.
 */
export function companionInvitation(
	template: string,
	f: { link: string; closesAt: Date | null; minutes: number; school: string }
): string {
	const values: Record<string, string> = {
		link: f.link,
		closesAt: f.closesAt ? `; invullen kan tot en met ${longDate(f.closesAt)}` : '',
		minutes: String(f.minutes),
		school: f.school
	};
	return template.replace(
		/\{(link|closesAt|minutes|school)\}/g,
		(m: string, k: string) => values[k] ?? m
	);
}

/** What a respondent reads that depends on who answers: a team member, the SWV or a parent. */
export interface RespondentWords {
	/** The question above the respondent groups. */
	groupQuestion: string;
	groupHint: string;
	/** Group choice refused: the Dutch message. */
	groupRefused: string;
	/** On the thank-you page. */
	thanks: string;
	/** On the thank-you page once the answers count in results that were shown. */
	locked: string;
	/** Under an open comment. */
	commentHint: string;
	/** The anchor of this audience's section on the privacy page, if it has one. */
	privacyAnchor: string | null;
}

const TEAM_WORDS: RespondentWords = {
	groupQuestion: 'Wat is uw functie? (optioneel)',
	groupHint:
		'Zo kan het team zien of beelden per functie verschillen. Kleine groepen worden samengevoegd, zodat niemand herkenbaar is.',
	groupRefused: 'Kies een van de genoemde functies, of geen.',
	thanks:
		"Uw antwoorden zijn verstuurd. De coördinator bespreekt de uitkomsten met het team zodra genoeg collega's de scan hebben ingevuld.",
	locked:
		'Uw antwoorden tellen mee in uitkomsten die het team al heeft gezien. Daarom kunnen ze niet meer veranderen.',
	commentHint:
		"Schrijf geen namen van leerlingen of collega's. Alleen de coördinatoren van de school lezen wat u hier schrijft.",
	privacyAnchor: null
};

const PARENT_WORDS: RespondentWords = {
	groupQuestion: 'Krijgt uw kind extra hulp op school? (optioneel)',
	groupHint:
		'Zo kan de school zien of ouders van kinderen met extra ondersteuning er anders over denken. Kleine groepen worden samengevoegd, zodat niemand herkenbaar is.',
	groupRefused: 'Kies een van de genoemde antwoorden, of geen.',
	thanks:
		'Uw antwoorden zijn verstuurd. De school bespreekt wat ouders zeggen zodra genoeg ouders de vragenlijst hebben ingevuld.',
	locked:
		'Uw antwoorden tellen mee in uitkomsten die de school al heeft gezien. Daarom kunnen ze niet meer veranderen.',
	commentHint:
		'Schrijf geen namen van kinderen, ouders of leraren. Alleen de coördinatoren van de school lezen wat u hier schrijft.',
	privacyAnchor: 'ouders'
};

/** The words for this questionnaire's audience; its file's `respondentGroupQuestion` first. */
export function respondentWords(
	q: Pick<Questionnaire, 'audience' | 'respondentGroupQuestion'>
): RespondentWords {
	const words = q.audience === 'ouder' ? PARENT_WORDS : TEAM_WORDS;
	return q.respondentGroupQuestion
		? { ...words, groupQuestion: `${q.respondentGroupQuestion} (optioneel)` }
		: words;
}

/** The companion's privacy text with `{minimum}` filled in, as paragraphs. */
export function companionPrivacy(c: Companion, minimum: number): string[] {
	return c.privacy
		.replaceAll('{minimum}', String(Math.max(minimum, COMPANION_MINIMUM)))
		.split(/\n\s*\n/);
}

/** One theme side by side: the team's score and the companion's, each null when not shown. */
export interface SideBySideTheme {
	themeId: string;
	title: string;
	team: number | null;
	companion: number | null;
}

export interface SideBySide {
	label: string;
	/** Themes of the companion that the team's questionnaire has too, in the team's order. */
	mapped: SideBySideTheme[];
	/** Themes only the companion has. */
	own: { themeId: string; title: string; score: number | null }[];
	companionRespondents: number;
	/** Whether the companion's figures show at all (its own disclosure). */
	shown: boolean;
}

/**
 * The team's and the companion's theme scores beside each other. Each side shows only what its
 * own round discloses (`disclosedRound` of each): a hidden companion shows no score anywhere.
 */
/** Theme scores as a round or its snapshot shows them. */
export interface ShownScores {
	disclosure: RoundScore['disclosure'];
	themes: readonly { themeId: string; score: number | null }[];
}

export function sideBySide(
	teamQ: Questionnaire,
	team: ShownScores,
	companionQ: Questionnaire,
	companion: ShownScores & { respondents: number }
): SideBySide {
	const shown = companion.disclosure !== 'hidden';
	const scoreOf = (s: ShownScores, themeId: string) =>
		s.disclosure === 'hidden' ? null : (s.themes.find((t) => t.themeId === themeId)?.score ?? null);
	const companionIds = new Set(companionQ.themes.map((t) => t.id));
	const teamIds = new Set(teamQ.themes.map((t) => t.id));
	return {
		label: companionQ.companion?.label ?? companionQ.title,
		mapped: teamQ.themes
			.filter((t) => companionIds.has(t.id))
			.map((t) => ({
				themeId: t.id,
				title: t.title,
				team: scoreOf(team, t.id),
				companion: scoreOf(companion, t.id)
			})),
		own: companionQ.themes
			.filter((t) => !teamIds.has(t.id))
			.map((t) => ({ themeId: t.id, title: t.title, score: scoreOf(companion, t.id) })),
		companionRespondents: companion.respondents,
		shown
	};
}

/** What the server gathers per companion round for the report (`SchoolReportInput`). */
export interface CompanionInput {
	questionnaire: Questionnaire;
	/** What the companion round's own disclosure lets it show now. */
	result: { state: 'open' | 'too-few' | 'shown'; score: RoundScore };
	/** Its comments per theme; only for the school's own coordinators, and only when shown. */
	comments: Record<string, string[]>;
}

/**
 * A companion's part of the report: the side-by-side theme scores and, only when its own round
 * passes disclosure, its statements; otherwise how many sent and how many more are needed, and
 * not one figure more.
 */
export function companionReport(
	teamQ: Questionnaire,
	team: Pick<RoundScore, 'disclosure' | 'themes'>,
	c: CompanionInput
) {
	const s = c.result.score;
	const shown = c.result.state === 'shown' && s.disclosure !== 'hidden';
	return {
		questionnaireId: c.questionnaire.id,
		label: c.questionnaire.companion?.label ?? c.questionnaire.title,
		title: c.questionnaire.title,
		state: c.result.state,
		respondents: s.respondents,
		minRespondents: s.minRespondents,
		needed: s.needed,
		shown,
		sideBySide: shown ? sideBySide(teamQ, team, c.questionnaire, s) : null,
		themes: shown ? s.themes : [],
		comments: shown ? c.comments : {}
	};
}

export type CompanionReport = ReturnType<typeof companionReport>;
