import { building } from '$app/environment';
import { join } from 'node:path';
import { readCatalogFile, seedCatalog } from './catalog/catalog';
import { enableSecureDelete } from './db/erase';
import { flushPendingWrites } from './db/batch';
import { databaseFile, databasePath, migrateDatabase, openDatabase, type Db } from './db/open';
import { schemaProblems } from './db/schema-check';
import { watchShutdown } from './ops/shutdown';
import { log } from './ops/log';
import { QuestionnaireProblems } from './questionnaires/files';
import { scheduleRetention } from './ops/retention';
import { startReminders } from './rounds/reminders';
import {
	loadQuestionnaires,
	publishedVersionProblems,
	type QuestionnaireRegistry
} from './questionnaires/registry';

interface AppState {
	db: Db;
	questionnaires: QuestionnaireRegistry;
}

let state: AppState | undefined;

/** `DATABASE_CREATE=true` lets the app create a missing database (the demo, the tests). */
const mayCreateDatabase = () => /^(1|true|ja)$/i.test(process.env.DATABASE_CREATE ?? '');

/**
 * Start-up, run once from the `init` hook: load and check every questionnaire file, open the
 * database (refusing a missing file unless DATABASE_CREATE is set), migrate it, check that its
 * schema matches the code, and refuse to start when a published version was changed. Any problem
 * throws, so the server does not start on a broken questionnaire or an empty database.
 */
export function startApp(): AppState {
	if (building) throw new Error('De app start niet tijdens het bouwen.');
	if (state) return state;
	const dir = process.env.QUESTIONNAIRES_DIR ?? 'questionnaires';
	const questionnaires = loadQuestionnaires(dir);
	const catalog = readCatalogFile(join(dir, 'catalogus.json'), questionnaires);
	const file = databaseFile();
	const db = openDatabase(file, { create: mayCreateDatabase() });
	enableSecureDelete(db);
	migrateDatabase(db);
	const schema = schemaProblems(db);
	if (schema.length)
		throw new Error(
			`De database ${file} past niet bij deze versie van de app: ${schema.join('; ')}`
		);
	const problems = [...publishedVersionProblems(db, questionnaires), ...catalog.problems];
	if (problems.length) throw new QuestionnaireProblems(problems);
	seedCatalog(db, catalog.items);
	scheduleRetention(db);
	// Reminder mails coordinators asked for: state in the database, each sent once.
	const reminders = startReminders(db);
	state = { db, questionnaires };
	watchShutdown(() => {
		reminders.stop();
		flushPendingWrites(db);
		db.$client.close();
	});
	log.info(
		{ database: databasePath(db), questionnaires: questionnaires.loaded.length },
		'app gestart'
	);
	return state;
}

export function getDb(): Db {
	return startApp().db;
}

export function getQuestionnaires(): QuestionnaireRegistry {
	return startApp().questionnaires;
}
