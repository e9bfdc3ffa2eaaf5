/**
 * The accessibility statement (toegankelijkheidsverklaring) in the shape of the model of
 * digitoegankelijk.nl: status, every WCAG 2.1 AA success criterion with its state, the known
 * exceptions, how to report a problem and the date of the last check. The page `/toegankelijkheid`
 * shows this file; `tests/e2e/zz-axe-coverage.test.ts` keeps it true: `axe` must match the criteria
 * axe-core checks, every page must have passed axe (at its own width, 360 and 320 px), and an
 * exception may only name a criterion that is not marked as met.
 */

export type CriterionState =
	'voldoet' | 'deels-onderzocht' | 'niet-onderzocht' | 'niet-van-toepassing';

export interface Criterion {
	/** "1.4.10" */
	id: string;
	/** The Dutch name of the official translation. */
	name: string;
	level: 'A' | 'AA';
	/** axe-core has (non-experimental) rules for this criterion, run on every page by the tests. */
	axe: boolean;
	state: CriterionState;
	/** How it was checked, in a few words. */
	how: string;
}

export interface KnownException {
	criteria: string[];
	what: string;
	reason: string;
	plan: string;
}

export const STATE_LABELS: Record<CriterionState, string> = {
	voldoet: 'Voldoet',
	'deels-onderzocht': 'Deels onderzocht: automatisch geen fouten, met de hand nog niet',
	'niet-onderzocht': 'Nog niet onderzocht',
	'niet-van-toepassing': 'Niet van toepassing'
};

const AXE = 'axe-core op elke pagina, op de eigen breedte, 360 en 320 px: geen fouten';
const AXE_PART = `${AXE} (axe toetst maar een deel van dit criterium)`;
const HAND = 'vraagt een controle met de hand; nog niet gedaan';
const NO_MEDIA = 'de site heeft geen audio of video';

const c = (
	id: string,
	name: string,
	level: 'A' | 'AA',
	axe: boolean,
	state: CriterionState,
	how: string
): Criterion => ({ id, name, level, axe, state, how });

export const statement = {
	name: 'Scan Passend Onderwijs',
	/** Status in the terms of digitoegankelijk.nl (A voldoet volledig … E niet gepubliceerd). */
	status: 'Eerste maatregelen genomen',
	statusExplanation:
		'De site is automatisch op alle criteria getoetst die axe-core kan controleren, en voldoet daaraan. Een volledig onderzoek met de hand (toetsenbord, schermlezer, vergroting) of door een onafhankelijke partij is nog niet gedaan. Daarom noemen we de site nog niet "voldoet gedeeltelijk" of "voldoet volledig".',
	/** The day the browser tests last ran green with this list (ISO date). */
	lastChecked: '2026-12-02',
	/** The day of the last check by hand (keyboard, screen reader), or null: not done yet. */
	lastManualCheck: null as string | null,
	/** The address comes from the installation (`CONTACT_EMAIL`): whoever runs the app answers. */
	contact: {
		responseTime:
			'binnen 5 werkdagen een ontvangstbevestiging, en binnen 3 weken een oplossing of een plan'
	},
	criteria: [
		c(
			'1.1.1',
			'Niet-tekstuele content',
			'A',
			true,
			'voldoet',
			`${AXE_PART}; elke grafiek heeft een tekstalternatief en een tabel`
		),
		c(
			'1.2.1',
			'Louter-geluid en louter-video (vooraf opgenomen)',
			'A',
			false,
			'niet-van-toepassing',
			NO_MEDIA
		),
		c('1.2.2', 'Ondertiteling (vooraf opgenomen)', 'A', true, 'niet-van-toepassing', NO_MEDIA),
		c(
			'1.2.3',
			'Audiodescriptie of media-alternatief (vooraf opgenomen)',
			'A',
			false,
			'niet-van-toepassing',
			NO_MEDIA
		),
		c('1.2.4', 'Ondertiteling (live)', 'AA', false, 'niet-van-toepassing', NO_MEDIA),
		c('1.2.5', 'Audiodescriptie (vooraf opgenomen)', 'AA', false, 'niet-van-toepassing', NO_MEDIA),
		c('1.3.1', 'Info en relaties', 'A', true, 'deels-onderzocht', AXE_PART),
		c('1.3.2', 'Betekenisvolle volgorde', 'A', false, 'niet-onderzocht', HAND),
		c('1.3.3', 'Zintuiglijke eigenschappen', 'A', false, 'niet-onderzocht', HAND),
		c('1.3.4', 'Weergavestand', 'AA', false, 'niet-onderzocht', HAND),
		c('1.3.5', 'Identificeer het doel van de input', 'AA', true, 'voldoet', AXE),
		c('1.4.1', 'Gebruik van kleur', 'A', true, 'deels-onderzocht', AXE_PART),
		c('1.4.2', 'Geluidsbediening', 'A', true, 'niet-van-toepassing', NO_MEDIA),
		c(
			'1.4.3',
			'Contrast (minimum)',
			'AA',
			true,
			'voldoet',
			`${AXE}; de kleuren komen uit één bron`
		),
		c('1.4.4', 'Herschalen van tekst', 'AA', true, 'deels-onderzocht', AXE_PART),
		c('1.4.5', 'Afbeeldingen van tekst', 'AA', false, 'niet-onderzocht', HAND),
		c(
			'1.4.10',
			'Reflow',
			'AA',
			false,
			'voldoet',
			'browsertest op elke pagina: op 320 px breed schuift geen pagina zijwaarts; brede tabellen schuiven in een eigen, benoemd en met het toetsenbord bereikbaar vak'
		),
		c('1.4.11', 'Contrast van niet-tekstuele content', 'AA', false, 'niet-onderzocht', HAND),
		c('1.4.12', 'Tekstafstand', 'AA', true, 'deels-onderzocht', AXE_PART),
		c('1.4.13', 'Content bij hover of focus', 'AA', false, 'niet-onderzocht', HAND),
		c('2.1.1', 'Toetsenbord', 'A', true, 'deels-onderzocht', AXE_PART),
		c('2.1.2', 'Geen toetsenbordval', 'A', false, 'niet-onderzocht', HAND),
		c('2.1.4', 'Enkel teken sneltoetsen', 'A', false, 'niet-onderzocht', HAND),
		c('2.2.1', 'Timing aanpasbaar', 'A', true, 'deels-onderzocht', AXE_PART),
		c('2.2.2', 'Pauzeren, stoppen, verbergen', 'A', true, 'deels-onderzocht', AXE_PART),
		c(
			'2.3.1',
			'Drie flitsen of beneden drempelwaarde',
			'A',
			false,
			'niet-van-toepassing',
			'de site heeft geen knipperende of flitsende inhoud'
		),
		c(
			'2.4.1',
			'Blokken omzeilen',
			'A',
			true,
			'voldoet',
			`${AXE}; elke pagina begint met de link "Naar de inhoud"`
		),
		c('2.4.2', 'Paginatitel', 'A', true, 'voldoet', AXE),
		c('2.4.3', 'Focus volgorde', 'A', false, 'niet-onderzocht', HAND),
		c('2.4.4', 'Linkdoel (in context)', 'A', true, 'deels-onderzocht', AXE_PART),
		c('2.4.5', 'Meerdere manieren', 'AA', false, 'niet-onderzocht', HAND),
		c('2.4.6', 'Koppen en labels', 'AA', false, 'niet-onderzocht', HAND),
		c('2.4.7', 'Focus zichtbaar', 'AA', false, 'niet-onderzocht', HAND),
		c('2.5.1', 'Aanwijzergebaren', 'A', false, 'niet-onderzocht', HAND),
		c('2.5.2', 'Aanwijzerannulering', 'A', false, 'niet-onderzocht', HAND),
		c('2.5.3', 'Label in naam', 'A', false, 'niet-onderzocht', HAND),
		c(
			'2.5.4',
			'Bewegingsactivering',
			'A',
			false,
			'niet-van-toepassing',
			'niets in de site reageert op bewegen van het apparaat'
		),
		c('3.1.1', 'Taal van de pagina', 'A', true, 'voldoet', AXE),
		c('3.1.2', 'Taal van onderdelen', 'AA', true, 'deels-onderzocht', AXE_PART),
		c('3.2.1', 'Bij focus', 'A', false, 'niet-onderzocht', HAND),
		c('3.2.2', 'Bij input', 'A', false, 'niet-onderzocht', HAND),
		c('3.2.3', 'Consistente navigatie', 'AA', false, 'niet-onderzocht', HAND),
		c('3.2.4', 'Consistente identificatie', 'AA', false, 'niet-onderzocht', HAND),
		c('3.3.1', 'Foutidentificatie', 'A', false, 'niet-onderzocht', HAND),
		c('3.3.2', 'Labels of instructies', 'A', true, 'deels-onderzocht', AXE_PART),
		c('3.3.3', 'Foutsuggestie', 'AA', false, 'niet-onderzocht', HAND),
		c(
			'3.3.4',
			'Foutpreventie (juridisch, financieel, gegevens)',
			'AA',
			false,
			'niet-onderzocht',
			HAND
		),
		c(
			'4.1.1',
			'Parsen',
			'A',
			false,
			'voldoet',
			"browsertest op elke pagina: geen dubbele id's (in WCAG 2.2 vervallen)"
		),
		c('4.1.2', 'Naam, rol, waarde', 'A', true, 'deels-onderzocht', AXE_PART),
		c('4.1.3', 'Statusberichten', 'AA', false, 'niet-onderzocht', HAND)
	] satisfies Criterion[],
	exceptions: [
		{
			criteria: ['2.1.1', '2.1.2', '2.4.3', '2.4.7', '4.1.3'],
			what: 'De site is nog niet volledig met alleen het toetsenbord en met een schermlezer (NVDA, VoiceOver) doorlopen.',
			reason: 'Tot nu toe is alleen automatisch getoetst.',
			plan: 'Een controle met de hand van de weg van een teamlid (de vragenlijst) en van de coördinator (ronde, uitkomsten, actieplan); de datum zetten we hier zodra die is gedaan.'
		},
		{
			criteria: ['1.3.1', '1.3.2'],
			what: 'De PDF-rapporten zijn getagd, maar nog niet met een PDF-toets (zoals PAC) gecontroleerd.',
			reason: 'De rapporten worden alleen op inhoud en opmaak getest.',
			plan: 'De rapporten met PAC toetsen en wat daaruit komt oplossen.'
		}
	] satisfies KnownException[]
};

/** WCAG 2.1 AA has 50 success criteria: 30 on level A, 20 on level AA. */
export const CRITERIA_COUNT = { A: 30, AA: 20 } as const;
