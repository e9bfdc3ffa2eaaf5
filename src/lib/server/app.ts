import { building } from '$app/environment';
import { join } from 'node:path';
import { readCatalogFile, seedCatalog } from './catalog';
import { enableSecureDelete } from './db/erase';
import { migrateDatabase, openDatabase, type Db } from './db/open';
import { QuestionnaireProblems } from './questionnaire-files';
import {
	loadQuestionnaires,
	publishedVersionProblems,
	type QuestionnaireRegistry
} from './questionnaires';

interface AppState {
	db: Db;
	questionnaires: QuestionnaireRegistry;
}

let state: AppState | undefined;

/**
 * Start-up, run once from the `init` hook: open and migrate the database, load and check every
 * questionnaire file, and refuse to start when a published version was changed. Any problem
 * throws, so the server does not start with a broken questionnaire.
 */
export function startApp(): AppState {
	if (building) throw new Error('De app start niet tijdens het bouwen.');
	if (state) return state;
	const db = openDatabase();
	enableSecureDelete(db);
	migrateDatabase(db);
	const questionnaires = loadQuestionnaires(process.env.QUESTIONNAIRES_DIR ?? 'questionnaires');
	const catalog = readCatalogFile(
		join(process.env.QUESTIONNAIRES_DIR ?? 'questionnaires', 'catalogus.json'),
		questionnaires
	);
	const problems = [...publishedVersionProblems(db, questionnaires), ...catalog.problems];
	if (problems.length) throw new QuestionnaireProblems(problems);
	seedCatalog(db, catalog.items);
	state = { db, questionnaires };
	return state;
}

export function getDb(): Db {
	return startApp().db;
}

export function getQuestionnaires(): QuestionnaireRegistry {
	return startApp().questionnaires;
}
