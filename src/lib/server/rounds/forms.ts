import { endOfDutchDay } from '$lib/domain/format';
import { z } from 'zod';
import type { QuestionnaireRegistry } from '../questionnaires/registry';

/** The form that opens a round, for a school, for the SWV's own scan, or for all its schools. */
export function roundForm(registry: QuestionnaireRegistry, questionnaireId: string) {
	const versions = registry.versions(questionnaireId).map((q) => q.version);
	const today = new Date(new Date().toISOString().slice(0, 10));
	return z.object({
		version: z.coerce
			.number({ error: 'Kies een versie van de vragenlijst.' })
			.int()
			.refine((v) => versions.includes(v), { error: 'Kies een versie van de vragenlijst.' }),
		title: z
			.string({ error: 'Geef de ronde een titel.' })
			.trim()
			.min(3, { error: 'Geef de ronde een titel van minstens 3 tekens.' })
			.max(120, { error: 'Een titel is hoogstens 120 tekens.' }),
		closesAt: z
			.string()
			.trim()
			.max(10)
			.optional()
			.transform((v, ctx) => {
				if (!v) return null;
				const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? endOfDutchDay(v) : new Date(NaN);
				if (Number.isNaN(d.getTime())) {
					ctx.issues.push({
						code: 'custom',
						input: v,
						message: 'Vul een datum in, zoals 2026-12-18.'
					});
					return z.NEVER;
				}
				if (d.getTime() <= today.getTime()) {
					ctx.issues.push({
						code: 'custom',
						input: v,
						message: 'De sluitingsdatum moet in de toekomst liggen.'
					});
					return z.NEVER;
				}
				return d;
			}),
		minRespondents: z.coerce
			.number({ error: 'Vul een aantal in.' })
			.int({ error: 'Vul een heel getal in.' })
			.min(3, { error: 'Minstens 3: anders zijn antwoorden herkenbaar.' })
			.max(100, { error: 'Hoogstens 100.' }),
		askGroups: z
			.string()
			.optional()
			.transform((v) => v === 'ja')
	});
}
