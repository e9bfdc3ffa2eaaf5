import { z } from 'zod';
import { questionnaireSchema } from './schema';

/** The JSON Schema that `$schema` in every questionnaire file points to (committed as schema.json). */
export function questionnaireJsonSchema(): string {
	const schema = z.toJSONSchema(questionnaireSchema, { io: 'input', target: 'draft-2020-12' });
	const document = {
		...schema,
		$id: 'https://scan-passend-onderwijs.nl/questionnaires/schema.json',
		title: 'Vragenlijst van de Scan Passend Onderwijs',
		description:
			'Eén versie van een vragenlijst. Gegenereerd uit src/lib/domain/questionnaire/schema.ts met npm run questionnaires:schema; niet met de hand wijzigen.'
	};
	return JSON.stringify(document, null, '\t') + '\n';
}
