import { z } from 'zod';
import { normalizeSwvCode } from '$lib/domain/school-import';
import { SCHOOL_TYPES } from '$lib/domain/school-type';
import { fields, invalid } from '../http/form';

/** The forms of the admin pages, shared by create and edit. */
export const swvForm = z.object({
	code: z
		.string({ error: 'Vul de code in.' })
		.trim()
		.max(20, { error: 'Deze code is te lang.' })
		.transform((v, ctx) => {
			const code = normalizeSwvCode(v);
			if (!code) {
				ctx.issues.push({
					code: 'custom',
					input: v,
					message: 'Vul een code in zoals PO 27-01 of VO 25-07.'
				});
				return z.NEVER;
			}
			return code;
		}),
	name: z
		.string({ error: 'Vul een naam in.' })
		.trim()
		.min(3, { error: 'Vul een naam van minstens 3 tekens in.' })
		.max(200, { error: 'Een naam is hoogstens 200 tekens.' })
});

export const schoolForm = z.object({
	instellingscode: z
		.string({ error: 'Vul de instellingscode in.' })
		.trim()
		.toUpperCase()
		.regex(/^[0-9A-Z]{4}$/, {
			error: 'Een instellingscode (BRIN) bestaat uit 4 letters of cijfers, zoals 12AB.'
		}),
	vestiging: z
		.string()
		.trim()
		.regex(/^\d{2}$/, { error: 'Een vestigingsnummer bestaat uit 2 cijfers, zoals 00.' })
		.default('00'),
	name: z
		.string({ error: 'Vul een naam in.' })
		.trim()
		.min(2, { error: 'Vul een naam in.' })
		.max(200, { error: 'Een naam is hoogstens 200 tekens.' }),
	place: z
		.string({ error: 'Vul een plaats in.' })
		.trim()
		.min(2, { error: 'Vul een plaats in.' })
		.max(100, { error: 'Een plaatsnaam is hoogstens 100 tekens.' }),
	schoolType: z.enum(SCHOOL_TYPES, { error: 'Kies een schooltype.' })
});

/** The fields of the school form that come back filled in when it is refused. */
export const SCHOOL_FIELDS = ['instellingscode', 'vestiging', 'name', 'place', 'schoolType'];

export const activeForm = z.object({
	id: fields.id,
	active: z.enum(['true', 'false'], { error: 'Onbekende status.' }).transform((v) => v === 'true')
});

/** A code or school number that another SWV or school has already: which field, and why. */
export interface Clash {
	ok: false;
	field: string;
	message: string;
}

/** A clash as the form shows it: marked at its field, with what was typed kept. */
export const clashFailure = (clash: Clash, values: Record<string, string>) =>
	invalid(409, {
		message: 'Controleer de gemarkeerde velden.',
		errors: { [clash.field]: clash.message },
		values
	});
