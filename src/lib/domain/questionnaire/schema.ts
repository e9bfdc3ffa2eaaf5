import { z } from 'zod';
import { SCHOOL_TYPES } from '../school-type';

/**
 * The questionnaire file format, defined once. `questionnaires/schema.json` is generated from
 * it (`npm run questionnaires:schema`) so that editors validate and complete while someone types.
 * The checks that need the whole file (unique ids, references, bands) live in `check.ts`.
 */

const id = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id moet kebab-case zijn (a-z, 0-9 en -)' })
	.describe('Stabiele id in kebab-case; wijzig nooit de betekenis van een bestaande id.');

const text = z.string().trim().min(1, { error: 'mag niet leeg zijn' });

const schoolType = z.enum(SCHOOL_TYPES, {
	error: (issue) =>
		`onbekend schooltype ${JSON.stringify(issue.input)} (kies uit ${SCHOOL_TYPES.join(', ')})`
});

const schoolTypes = z
	.array(schoolType)
	.min(1, { error: 'noem minstens één schooltype' })
	.describe(`Schooltypen waarvoor dit geldt: ${SCHOOL_TYPES.join(', ')}.`);

export const scaleOptionSchema = z.strictObject({
	value: z
		.int()
		.describe('De opgeslagen waarde; bij gescoorde opties bepaalt de volgorde de score.'),
	label: text.describe('Label zoals de respondent het ziet.'),
	dontKnow: z
		.boolean()
		.optional()
		.describe('true voor "weet ik niet": telt niet mee in de score, wel als signaal.')
});

export const scaleSchema = z.strictObject({
	id,
	label: text.optional(),
	options: z.array(scaleOptionSchema).min(3, { error: 'een schaal heeft minstens drie opties' })
});

export const visibleIfSchema = z
	.strictObject({
		item: id.describe('Een eerder item in deze vragenlijst.'),
		in: z.array(z.int()).min(1, { error: 'noem minstens één waarde' })
	})
	.describe('Toon dit item alleen als het eerdere item een van deze waarden heeft.');

export const itemSchema = z.strictObject({
	id,
	text: text.describe(
		'De stelling: in de wij-vorm vanuit het team, of in de ik-vorm voor ouders (taalniveau B1).'
	),
	help: text.optional().describe('Korte toelichting onder de stelling.'),
	scale: id.describe('Id van een schaal uit "scales".'),
	appliesTo: schoolTypes
		.optional()
		.describe('Schooltypen; zonder deze lijst volgt het item de schooltypen van het thema.'),
	visibleIf: visibleIfSchema.optional(),
	reverse: z.boolean().optional().describe('true als "volledig eens" op een zwakte wijst.'),
	weight: z.number().positive({ error: 'gewicht moet groter dan 0 zijn' }).optional()
});

export const themeSchema = z.strictObject({
	id,
	title: text,
	intro: text.describe('Eén of twee zinnen bovenaan de themapagina.'),
	weight: z.number().positive({ error: 'gewicht moet groter dan 0 zijn' }).optional(),
	appliesTo: schoolTypes.optional().describe('Schooltypen; zonder deze lijst: alle.'),
	comment: z
		.strictObject({ label: text })
		.optional()
		.describe('Een open vraag aan het eind van het thema.'),
	discussionQuestions: z
		.array(text)
		.optional()
		.describe('Gespreksvragen voor het teamgesprek over dit thema.'),
	items: z.array(itemSchema).min(1, { error: 'een thema heeft minstens één stelling' })
});

export const levelSchema = z.strictObject({
	id,
	name: text.describe('Naam van het niveau, zoals "In ontwikkeling".'),
	from: z.number().min(0).max(100).describe('Ondergrens (inclusief) op de schaal 0–100.'),
	to: z
		.number()
		.min(0)
		.max(100)
		.describe('Bovengrens (exclusief; de laatste band is inclusief 100).'),
	verdict: z
		.enum(['risico', 'aandachtspunt', 'gaat-goed'])
		.describe('De taal van de scan: risico, aandachtspunt of gaat goed.'),
	description: text
});

export const respondentGroupSchema = z.strictObject({ id, label: text });

export const supersedesSchema = z
	.strictObject({
		version: z.int().min(1),
		renamed: z
			.record(id, id)
			.optional()
			.describe('Oude item-id → nieuwe item-id, zodat trends doorlopen.'),
		dropped: z.array(id).optional().describe('Item-ids uit de vorige versie die vervallen.')
	})
	.describe('Koppeling met de vorige versie; verplicht vanaf versie 2.');

export const signalsSchema = z.strictObject({
	insufficientInsight: z
		.number()
		.min(0)
		.max(1)
		.describe('Aandeel "weet ik niet" waarboven "onvoldoende zicht" verschijnt.'),
	divergentViews: z
		.number()
		.min(0)
		.max(100)
		.describe('Spreiding (standaarddeviatie op 0–100) waarboven "beelden lopen uiteen" verschijnt.')
});

/**
 * Who fills in a questionnaire. `school` and `swv` run their own rounds; every other audience is
 * a companion: its round runs beside a school round (see `companionSchema`). A further audience
 * (pupils in vo/vso, say) is a new value here and a new file, not a new code path.
 */
export const AUDIENCES = ['school', 'swv', 'ouder'] as const;
export type QuestionnaireAudience = (typeof AUDIENCES)[number];

export const companionSchema = z
	.strictObject({
		of: id.describe('Id van de teamvragenlijst waarnaast deze lijst loopt, zoals "school-scan".'),
		label: text.describe('Hoe de app deze groep noemt, in het meervoud: "Ouders".'),
		minRespondents: z
			.int()
			.min(5, { error: 'minstens 5: deze groep is groot en hoort anoniem te blijven' })
			.describe('Standaard minimum aantal verstuurde antwoorden voor deze groep.'),
		privacy: text.describe(
			'Privacytekst voor deze groep, in eenvoudige taal. {minimum} wordt het minimum van de ronde.'
		),
		invitation: text
			.refine((t) => t.includes('{link}'), { error: 'moet {link} bevatten' })
			.describe(
				'Kant-en-klare tekst voor nieuwsbrief of ouderapp. Vervangen: {school}, {link}, {minutes}, {closesAt} (met "tot en met …" of leeg).'
			)
	})
	.describe('Voor een aanvullende groep (zoals ouders): de ronde loopt naast een teamronde.');

export const questionnaireSchema = z.strictObject({
	$schema: z.string().optional(),
	id,
	version: z.int().min(1, { error: 'versie begint bij 1' }),
	title: text,
	description: text,
	audience: z
		.enum(AUDIENCES)
		.describe('Wie vult in: een schoolteam, het SWV zelf, of ouders naast een teamronde.'),
	companion: companionSchema.optional(),
	respondentGroupQuestion: text
		.optional()
		.describe('De vraag boven de respondentgroepen; zonder deze tekst: "Wat is uw functie?".'),
	minutes: z.int().positive().optional().describe('Geschatte invultijd in minuten.'),
	scales: z.array(scaleSchema).min(1),
	respondentGroups: z.array(respondentGroupSchema).optional(),
	signals: signalsSchema.optional(),
	levels: z.array(levelSchema).min(2),
	supersedes: supersedesSchema.optional(),
	themes: z.array(themeSchema).min(1)
});

export type QuestionnaireInput = z.input<typeof questionnaireSchema>;
export type Questionnaire = z.output<typeof questionnaireSchema>;
export type Theme = Questionnaire['themes'][number];
export type Item = Theme['items'][number];
export type Scale = Questionnaire['scales'][number];
export type Level = Questionnaire['levels'][number];
export type Verdict = Level['verdict'];
