import { z } from 'zod';
import { catalogItemSchema, type CatalogItem } from '$lib/domain/catalog';
import type { QuestionnaireRegistry } from '../questionnaires/registry';

/** The catalogue form: checkbox lists become arrays, empty fields become absent. */
export async function parseCatalogForm(
	request: Request,
	registry: QuestionnaireRegistry,
	/** When editing, or for an SWV's offer: the item's id, which the form does not send. */
	fixedId?: string,
	/** Which themes may be chosen: all (admins) or the school scan's (an SWV's own offers). */
	themeScope: 'all' | 'school' = 'all'
): Promise<
	{ item: CatalogItem } | { errors: Record<string, string>; values: Record<string, string> }
> {
	const form = await request.formData().catch(() => new FormData());
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' && v.trim() ? v.trim() : undefined;
	};
	const raw = {
		// Required fields are '' when empty, so that their own Dutch message applies.
		id: fixedId ?? text('id') ?? '',
		kind: text('kind') ?? '',
		title: text('title') ?? '',
		organiser: text('organiser') ?? '',
		description: text('description') ?? '',
		url: text('url'),
		themes: form.getAll('themes').map(String),
		audience: form.getAll('audience').map(String),
		levels: form.getAll('levels').map(String),
		dateText: text('dateText') ?? '',
		startsOn: text('startsOn'),
		endsOn: text('endsOn'),
		status: text('status') ?? '',
		recording: form.get('recording') === 'ja',
		contact: text('contact')
	};
	const parsed = catalogItemSchema
		.superRefine((item, ctx) => {
			const themes = new Set(
				registry.loaded
					.filter((l) => themeScope === 'all' || l.questionnaire.audience !== 'swv')
					.flatMap((l) => l.questionnaire.themes.map((t) => t.id))
			);
			const levels = new Set(
				registry.loaded.flatMap((l) => l.questionnaire.levels.map((t) => t.id))
			);
			if (item.themes.some((t) => !themes.has(t)))
				ctx.addIssue({
					code: 'custom',
					path: ['themes'],
					message: "kies thema's uit de vragenlijsten"
				});
			if (item.levels.some((l) => !levels.has(l)))
				ctx.addIssue({
					code: 'custom',
					path: ['levels'],
					message: 'kies niveaus uit de vragenlijsten'
				});
			if (item.startsOn && item.endsOn && item.endsOn < item.startsOn)
				ctx.addIssue({
					code: 'custom',
					path: ['endsOn'],
					message: 'de einddatum ligt voor de begindatum'
				});
		})
		.safeParse(raw, { error: z.locales.nl().localeError });
	if (parsed.success) return { item: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + '.';
	}
	const values = Object.fromEntries(
		(
			[
				'id',
				'kind',
				'title',
				'organiser',
				'description',
				'url',
				'dateText',
				'startsOn',
				'endsOn',
				'status',
				'contact'
			] as const
		).map((k) => [k, String(raw[k] ?? '').slice(0, 2000)])
	);
	values.recording = raw.recording ? 'ja' : 'nee';
	return { errors, values };
}

/** Theme and level choices for the form, from the newest version of each questionnaire. */
export function catalogChoices(registry: QuestionnaireRegistry) {
	const latest = ['school-scan', 'swv-scan'].flatMap((id) => registry.latest(id) ?? []);
	return {
		themes: latest.flatMap((q) =>
			q.themes.map((t) => ({ id: t.id, title: t.title, scan: q.audience }))
		),
		levels: latest[0]?.levels.map((l) => ({ id: l.id, name: l.name })) ?? []
	};
}
