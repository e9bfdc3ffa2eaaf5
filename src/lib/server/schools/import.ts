import { parseSchoolCsv, type ImportProblem, type ImportRow } from '$lib/domain/school-import';
import { audit } from '../ops/audit';
import type { Db } from '../db/open';
import { school, swv } from '../db/schema';

/** The admin's school import (`/beheer/import`): a DUO-style CSV, checked before anything is stored. */

const MAX_BYTES = 4 * 1024 * 1024;

/** The uploaded file (or the pasted text) and whether to import the good lines despite errors. */
export async function readImportForm(
	request: Request
): Promise<{ text: string; pasted: string; force: boolean } | { error: string; pasted: string }> {
	const form = await request.formData().catch(() => null);
	const file = form?.get('file');
	// What was pasted goes back into the text box with the answer, so it can be corrected.
	const pasted = typeof form?.get('csv') === 'string' ? (form.get('csv') as string) : '';
	let text = pasted;
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BYTES) return { error: 'Het bestand is groter dan 4 MB.', pasted };
		text = await file.text();
	}
	if (!text.trim())
		return { error: 'Kies een CSV-bestand of plak de regels in het tekstvak.', pasted };
	return { text, pasted, force: form?.get('force') === 'ja' };
}

export interface ImportCheck {
	rows: ImportRow[];
	problems: ImportProblem[];
	skipped: ImportProblem[];
	swvs: Map<string, number>;
}

/** Every line checked against the known SWVs; schools that exist already are skipped, never changed. */
export function checkImport(db: Db, text: string): ImportCheck {
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
	return { rows, problems: parsed.problems, skipped, swvs };
}

/** What the page shows of a check: the problems, the skipped lines and the first 20 schools. */
export function importReport(c: ImportCheck) {
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

/**
 * Stores the checked schools in one transaction, and audits it. A file with errors imports
 * nothing unless `force` says to import the good lines and skip the rest.
 */
export function importSchools(
	db: Db,
	c: ImportCheck,
	force: boolean,
	by: string
): { ok: true; imported: number } | { ok: false; message: string } {
	if (c.problems.length && !force)
		return {
			ok: false,
			message: `Er is niets geïmporteerd: ${c.problems.length} ${c.problems.length === 1 ? 'regel heeft' : 'regels hebben'} een fout. Verbeter het bestand, of kies ervoor alleen de goede regels te importeren.`
		};
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
		by,
		'school.import',
		{ type: 'school' },
		{ imported: c.rows.length, problems: c.problems.length, skipped: c.skipped.length }
	);
	return { ok: true, imported: c.rows.length };
}
