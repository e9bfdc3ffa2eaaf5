/**
 * Who a round's report speaks to. A school's report is for its team, its
 * schoolondersteuningsprofiel (SOP) and its medezeggenschapsraad (MR); an SWV's own scan is
 * for its staff, its ondersteuningsplan and its ondersteuningsplanraad (OPR) and board
 * (toezicht). Every sentence that names one of these comes from here, so that no sentence of
 * one audience's report turns up in the other's.
 */
export type Audience = 'school' | 'swv';

export interface AudienceWords {
	/** "de school" / "het samenwerkingsverband", as a subject inside a sentence. */
	unit: string;
	/** The same at the start of a sentence. */
	Unit: string;
	/** "haar" / "zijn". */
	its: string;
	/** "zij" / "het": the unit again as a subject. */
	it: string;
	/** Who answered: "teamleden" / "respondenten". */
	respondents: string;
	respondent: string;
	/** Where things are arranged: "op school" / "in het samenwerkingsverband". */
	where: string;
	/** What the report says when answers lie far apart. */
	divergent: string;
	/** What the summary says was looked into, by whom. */
	investigated: (who: string) => string;
	/** The plan the texts are written for, in full and short. */
	plan: string;
	planShort: string;
	/** Who gets the one-page summary, in full and short. */
	council: string;
	councilShort: string;
	/** Section headings of the report. */
	planTextsHeading: string;
	summaryHeading: string;
	questionsHeading: string;
	/** The questions the council can ask, after the one about the weakest theme. */
	questions: (weakest: string | null) => string[];
	/** Who sees open comments. */
	commentsFor: string;
	/** The conversation page's name ("Teamgesprek"). */
	conversation: string;
}

export const AUDIENCE_WORDS: Record<Audience, AudienceWords> = {
	school: {
		unit: 'de school',
		Unit: 'De school',
		its: 'haar',
		it: 'zij',
		respondents: 'teamleden',
		respondent: 'teamlid',
		where: 'op school',
		divergent:
			'De antwoorden lopen ver uiteen: niet iedereen in het team ziet dit hetzelfde. Daarover gaat het team in gesprek.',
		investigated: (who) =>
			`Het team van ${who} heeft met de Scan Passend Onderwijs bekeken hoe ver de school is met passend onderwijs: ` +
			'onderwijs en ondersteuning die passen bij wat elke leerling nodig heeft.',
		plan: 'schoolondersteuningsprofiel',
		planShort: 'SOP',
		council: 'medezeggenschapsraad',
		councilShort: 'MR',
		planTextsHeading: 'Teksten voor het schoolondersteuningsprofiel',
		summaryHeading: 'Samenvatting voor de medezeggenschapsraad',
		questionsHeading: 'Vragen die de MR kan stellen',
		questions: (weakest) => [
			weakest
				? `Hoe gaat de school verder met ${weakest}, en wanneer hoort de MR hoe dat gaat?`
				: 'Hoe houdt de school vast wat goed gaat?',
			'Hoe komen de uitkomsten terug in het schoolondersteuningsprofiel?',
			'Hoe worden ouders en leerlingen betrokken bij de acties?',
			'Wanneer doet het team de scan opnieuw, om te zien of de acties werken?'
		],
		commentsFor: 'Alleen zichtbaar voor de coördinatoren van de school.',
		conversation: 'Teamgesprek'
	},
	swv: {
		unit: 'het samenwerkingsverband',
		Unit: 'Het samenwerkingsverband',
		its: 'zijn',
		it: 'het',
		respondents: 'respondenten',
		respondent: 'respondent',
		where: 'in het samenwerkingsverband',
		divergent:
			'De antwoorden lopen ver uiteen: niet alle betrokkenen zien dit hetzelfde. Daarover gaan staf, besturen en OPR met elkaar in gesprek.',
		investigated: (who) =>
			`${who} heeft met de Scan Passend Onderwijs bekeken hoe ver het samenwerkingsverband is met passend onderwijs: ` +
			'een dekkend geheel van ondersteuning, zodat elke leerling in de regio een passende plek heeft.',
		plan: 'ondersteuningsplan',
		planShort: 'ondersteuningsplan',
		council: 'ondersteuningsplanraad (OPR) en het toezicht',
		councilShort: 'OPR',
		planTextsHeading: 'Teksten voor het ondersteuningsplan',
		summaryHeading: 'Samenvatting voor de ondersteuningsplanraad en het toezicht',
		questionsHeading: 'Vragen die de OPR en het toezicht kunnen stellen',
		questions: (weakest) => [
			weakest
				? `Hoe gaat het samenwerkingsverband verder met ${weakest}, en wanneer horen de OPR en het toezicht hoe dat gaat?`
				: 'Hoe houdt het samenwerkingsverband vast wat goed gaat?',
			'Hoe komen de uitkomsten terug in het ondersteuningsplan en het jaarverslag?',
			'Hoe worden ouders, scholen en besturen betrokken bij de acties?',
			'Wanneer doet het samenwerkingsverband de scan opnieuw, om te zien of de acties werken?'
		],
		commentsFor: 'Alleen zichtbaar voor de coördinatoren van het samenwerkingsverband.',
		conversation: 'Gesprek over de uitkomsten'
	}
};

/** The audience's words without its sentence builders: plain data for a page or a PDF. */
export function audienceLabels(a: Audience) {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { questions, investigated, ...labels } = AUDIENCE_WORDS[a];
	return labels;
}

/** The invitation to share an approach on the themes where the unit is at the top level. */
export function shareApproach(a: Audience, themes: readonly string[]): string {
	const list = themes.join(', ');
	return a === 'school'
		? `Op ${list} is uw school geborgd. Andere scholen kunnen daarvan leren: deel uw aanpak als praktijkvoorbeeld met het Steunpunt of uw samenwerkingsverband.`
		: `Op ${list} is uw samenwerkingsverband geborgd. Andere samenwerkingsverbanden kunnen daarvan leren: deel uw aanpak als praktijkvoorbeeld met het Steunpunt.`;
}
