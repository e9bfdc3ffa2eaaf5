import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { SCHOOL_TYPES, type SchoolType } from '$lib/domain/school-type';
import { STATUS_FILTERS, type RowFilter } from '$lib/domain/swv/filter';
import type { Sort, SortKey } from '$lib/domain/swv/overview';

/** Query parameters of the SWV pages, checked with zod; a bad value is a 400 in Dutch. */

const id = z.coerce
	.number()
	.int()
	.positive()
	.max(2 ** 31);

export function roundParam(url: URL): number | null {
	const raw = url.searchParams.get('ronde');
	if (raw === null) return null;
	const parsed = id.safeParse(raw);
	if (!parsed.success) error(400, 'Onbekende ronde in de adresregel.');
	return parsed.data;
}

export function typeParam(url: URL): SchoolType | null {
	const raw = url.searchParams.get('type');
	if (raw === null || raw === '') return null;
	const parsed = z.enum(SCHOOL_TYPES).safeParse(raw);
	if (!parsed.success) error(400, 'Onbekend schooltype in de adresregel.');
	return parsed.data;
}

export function sortParam(url: URL, themeIds: readonly string[]): Sort {
	const key = url.searchParams.get('sorteer') ?? 'naam';
	const dir = url.searchParams.get('richting') ?? 'op';
	const keys = ['naam', 'type', 'deelname', ...themeIds.map((t) => `thema:${t}`)];
	if (!keys.includes(key) || (dir !== 'op' && dir !== 'af'))
		error(400, 'Onbekende sortering in de adresregel.');
	return { key: key as SortKey, dir };
}

/**
 * The table's filters from the address: `thema`, `niveau`, `norm=onder`, `status`, `zoek`.
 * Empty values mean "no filter" (a GET form sends every field); a value that is not one of the
 * choices is a 400 in Dutch.
 */
export function filterParams(
	url: URL,
	themeIds: readonly string[],
	levelIds: readonly string[]
): RowFilter {
	const get = (name: string) => url.searchParams.get(name)?.trim() || null;
	const oneOf = <T extends string>(name: string, choices: readonly T[], message: string) => {
		const raw = get(name);
		if (raw === null) return null;
		if (!(choices as readonly string[]).includes(raw)) error(400, message);
		return raw as T;
	};
	const search = get('zoek') ?? '';
	if (search.length > 100) error(400, 'De zoekterm is te lang (hoogstens 100 tekens).');
	return {
		theme: oneOf('thema', themeIds, 'Onbekend thema in de adresregel.'),
		level: oneOf('niveau', levelIds, 'Onbekend niveau in de adresregel.'),
		belowNorm: oneOf('norm', ['onder'], 'Onbekende normfilter in de adresregel.') === 'onder',
		status: oneOf('status', STATUS_FILTERS, 'Onbekende status in de adresregel.'),
		search
	};
}
