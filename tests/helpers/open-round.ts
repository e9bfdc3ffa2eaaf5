import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import * as t from '../../src/lib/server/db/schema';
import { loadQuestionnaires, markVersionUsed } from '../../src/lib/server/questionnaires/registry';
import { themesFor } from '../../src/lib/domain/questionnaire/model';

/**
 * A fresh database file with one open round of the school scan at a po school, for tests and
 * benches that drive the built server directly. Returns the round's share token and the ids of
 * the statements a respondent there answers.
 */
export function databaseWithOpenRound(
	file: string,
	token = 'k'.repeat(26),
	dir = 'questionnaires'
) {
	const db = openDatabase(file);
	migrateDatabase(db);
	const registry = loadQuestionnaires(dir);
	const swv = db
		.insert(t.swv)
		.values({ code: 'PO2798', name: 'SWV', sector: 'po' })
		.returning()
		.get();
	const school = db
		.insert(t.school)
		.values({
			swvId: swv.id,
			instellingscode: '88AA',
			name: 'School',
			place: 'Plaats',
			schoolType: 'po'
		})
		.returning()
		.get();
	markVersionUsed(db, registry, 'school-scan', 1);
	db.insert(t.round)
		.values({
			scope: 'school',
			schoolId: school.id,
			swvId: swv.id,
			questionnaireId: 'school-scan',
			questionnaireVersion: 1,
			title: 'Ronde',
			opensAt: new Date(),
			shareToken: token
		})
		.run();
	db.$client.close();
	const items = themesFor(registry.get('school-scan', 1)!, 'po').flatMap((v) =>
		v.items.map((i) => i.id)
	);
	return { token, items };
}

/** Starts a respondent over HTTP and returns its cookie (`antwoorden-<round>=<token>`). */
export async function startRespondent(origin: string, token: string): Promise<string> {
	const res = await fetch(`${origin}/s/${token}?/start`, {
		method: 'POST',
		body: new URLSearchParams({}),
		headers: { origin, accept: 'text/html' },
		redirect: 'manual'
	});
	if (res.status !== 303) throw new Error(`start gaf ${res.status}`);
	return /antwoorden-\d+=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}
