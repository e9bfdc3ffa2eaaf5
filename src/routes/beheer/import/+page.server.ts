import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { requireAdmin } from '$lib/server/auth/access';
import { audit } from '$lib/server/ops/audit';
import { school, swv } from '$lib/server/db/schema';
import { parseSchoolCsv, type ImportProblem } from '$lib/domain/school-import';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireAdmin(locals, url);
	return {};
};

const MAX_BYTES = 4 * 1024 * 1024;

/** Reads the uploaded file (or pasted text), checks every line, and says what would happen. */
async function check(request: Request) {
	const form = await request.formData().catch(() => null);
	const file = form?.get('file');
	const pasted = form?.get('csv');
	let text = typeof pasted === 'string' ? pasted : '';
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BYTES) return { error: 'Het bestand is groter dan 4 MB.' };
		text = await file.text();
	}
	if (!text.trim()) return { error: 'Kies een CSV-bestand of plak de regels in het tekstvak.' };
	const db = getDb();
	const swvs = new Map(
		db
			.select({ id: swv.id, code: swv.code })
			.from(swv)
			.all()
			.map((s) => [s.code, s.id])
	);
	const parsed = parseSchoolCsv(text, new Set(swvs.keys()));
	const existing = new Set(
		db
			.select({ c: school.instellingscode, v: school.vestiging })
			.from(school)
			.all()
			.map((s) => `${s.c}${s.v}`)
	);
	const skipped: ImportProblem[] = [];
	const rows = parsed.rows.filter((r) => {
		if (!existing.has(`${r.instellingscode}${r.vestiging}`)) return true;
		skipped.push({
			line: r.line,
			message: `${r.instellingscode}${r.vestiging} bestaat al; niet gewijzigd`
		});
		return false;
	});
	return {
		text,
		rows,
		problems: parsed.problems,
		skipped,
		swvs,
		force: form?.get('force') === 'ja'
	};
}

function report(c: Exclude<Awaited<ReturnType<typeof check>>, { error: string }>) {
	return {
		problems: c.problems,
		skipped: c.skipped,
		importable: c.rows.length,
		preview: c.rows.slice(0, 20).map((r) => ({
			line: r.line,
			code: `${r.instellingscode}${r.vestiging}`,
			name: r.name,
			place: r.place,
			schoolType: r.schoolType
		}))
	};
}

export const actions: Actions = {
	controleren: async ({ locals, url, request }) => {
		requireAdmin(locals, url);
		const c = await check(request);
		if ('error' in c) return fail(400, { message: c.error });
		return { checked: true, ...report(c) };
	},
	importeren: async ({ locals, url, request }) => {
		const me = requireAdmin(locals, url);
		const c = await check(request);
		if ('error' in c) return fail(400, { message: c.error });
		if (c.problems.length && !c.force) {
			return fail(400, {
				message: `Er is niets geïmporteerd: ${c.problems.length} ${c.problems.length === 1 ? 'regel heeft' : 'regels hebben'} een fout. Verbeter het bestand, of kies ervoor alleen de goede regels te importeren.`,
				checked: true,
				...report(c)
			});
		}
		const db = getDb();
		db.transaction((tx) => {
			for (const r of c.rows) {
				tx.insert(school)
					.values({
						swvId: c.swvs.get(r.swvCode)!,
						instellingscode: r.instellingscode,
						vestiging: r.vestiging,
						name: r.name,
						place: r.place,
						schoolType: r.schoolType
					})
					.run();
			}
		});
		audit(
			db,
			me.id,
			'school.import',
			{ type: 'school' },
			{ imported: c.rows.length, problems: c.problems.length, skipped: c.skipped.length }
		);
		return { imported: c.rows.length, ...report(c) };
	}
};
