/** `npm run questionnaires:schema`: writes questionnaires/schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { questionnaireJsonSchema } from '../src/lib/domain/questionnaire/json-schema';

writeFileSync('questionnaires/schema.json', questionnaireJsonSchema());
console.log('questionnaires/schema.json bijgewerkt.');
