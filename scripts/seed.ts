/**
 * `npm run db:seed [-- --force]`: adds the demo (idempotent). On a database with real accounts,
 * `--force` also needs SEED_ADMIN_PASSWORD (the demo admin's password instead of the public one).
 */
import { databaseFile, migrateDatabase, openDatabase } from '../src/lib/server/db/open';
import { loadQuestionnaires } from '../src/lib/server/questionnaires/registry';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SeedRefused, seedDemo } from '../src/lib/server/db/seed';

const file = databaseFile();
const db = openDatabase(file);
migrateDatabase(db);
try {
	const result = await seedDemo(
		db,
		loadQuestionnaires(process.env.QUESTIONNAIRES_DIR ?? 'questionnaires'),
		{
			force: process.argv.includes('--force'),
			adminPassword: process.env.SEED_ADMIN_PASSWORD || undefined
		}
	);
	console.log(
		result.created
			? `Demo toegevoegd aan ${file}: ${result.rounds} afgeronde rondes, ${result.answers} antwoorden.`
			: `De demo staat al in ${file}.`
	);
	console.log(`Demo-accounts (wachtwoord "${DEMO_PASSWORD}"):`);
	for (const a of DEMO_ACCOUNTS) {
		const own = a.email === 'beheer@example.org' && process.env.SEED_ADMIN_PASSWORD;
		console.log(
			`  ${a.email.padEnd(22)} ${a.role}${own ? ' (wachtwoord uit SEED_ADMIN_PASSWORD)' : ''}`
		);
	}
} catch (e) {
	if (!(e instanceof SeedRefused)) throw e;
	console.error(e.message);
	process.exitCode = 1;
} finally {
	db.$client.close();
}
