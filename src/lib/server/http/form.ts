import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { hasUnsafeCharacters } from '$lib/domain/mail-text';

z.config(z.locales.nl());

export type FieldErrors = Record<string, string>;

export interface FormFailure {
	message: string;
	errors: FieldErrors;
	values: Record<string, string>;
}

/**
 * Parses a form with a zod schema. On bad input: a 400 with one Dutch message per field and the
 * submitted values to show again (never passwords or tokens: `echo` names what may be echoed).
 */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	echo: readonly string[] = []
): Promise<{ data: z.output<S>; form: FormData } | { failure: ActionFailure<FormFailure> }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return {
			failure: fail(400, {
				message: 'Het formulier kon niet worden gelezen.',
				errors: {},
				values: {}
			})
		};
	}
	const raw: Record<string, unknown> = {};
	for (const [key, value] of form) raw[key] = value;
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { data: parsed.data, form };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	const values = Object.fromEntries(
		echo.filter((k) => typeof raw[k] === 'string').map((k) => [k, String(raw[k]).slice(0, 500)])
	);
	return {
		failure: fail(400, { message: 'Controleer de gemarkeerde velden.', errors, values })
	};
}

/** Reusable field schemas with Dutch messages. */
export const fields = {
	email: z
		.string({ error: 'Vul een e-mailadres in.' })
		.trim()
		.toLowerCase()
		.min(1, { error: 'Vul een e-mailadres in.' })
		.max(254, { error: 'Dit e-mailadres is te lang.' })
		.pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@school.nl.' })),
	name: z
		.string({ error: 'Vul een naam in.' })
		.trim()
		.min(1, { error: 'Vul een naam in.' })
		.max(120, { error: 'Een naam is hoogstens 120 tekens.' })
		.refine((v) => !hasUnsafeCharacters(v), {
			error: 'Een naam is één regel, zonder regeleinden of stuurtekens.'
		}),
	newPassword: z
		.string({ error: 'Kies een wachtwoord.' })
		.min(10, { error: 'Een wachtwoord heeft minstens 10 tekens.' })
		.max(128, { error: 'Een wachtwoord is hoogstens 128 tekens.' }),
	password: z
		.string({ error: 'Vul uw wachtwoord in.' })
		.min(1, { error: 'Vul uw wachtwoord in.' })
		.max(128, { error: 'Dit wachtwoord is te lang.' }),
	id: z.coerce
		.number({ error: 'Onbekend nummer.' })
		.int({ error: 'Onbekend nummer.' })
		.positive({ error: 'Onbekend nummer.' })
		.max(2 ** 31, { error: 'Onbekend nummer.' })
};

/** A refused form: status, one message on top, and optional per-field errors and echoed values. */
export function invalid(
	status: number,
	body: { message: string; errors?: FieldErrors; values?: Record<string, string> }
): ActionFailure<FormFailure> {
	return fail(status, {
		message: body.message,
		errors: body.errors ?? {},
		values: body.values ?? {}
	});
}

/** A new password typed twice; `extra` holds the form's other fields. */
export function withNewPassword<T extends z.ZodRawShape>(extra: T) {
	return z
		.object({ ...extra, password: fields.newPassword, confirm: z.string().max(128) })
		.refine((v) => (v as { password: string }).password === (v as { confirm: string }).confirm, {
			path: ['confirm'],
			error: 'De twee wachtwoorden zijn niet gelijk.'
		});
}
