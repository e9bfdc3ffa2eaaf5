/** `npm run db:seed [-- --force]`: adds the demo (idempotent). */
import { databaseFile, migrateDatabase, openDatabase } from '../src/lib/server/db/open';
import { loadQuestionnaires } from '../src/lib/server/questionnaires';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SeedRefused, seedDemo } from '../src/lib/server/seed';

const file = databaseFile();
const db = openDatabase(file);
migrateDatabase(db);
try {
	const result = await seedDemo(
		db,
		loadQuestionnaires(process.env.QUESTIONNAIRES_DIR ?? 'questionnaires'),
		{
			force: process.argv.includes('--force')
		}
	);
	console.log(
		result.created
			? `Demo toegevoegd aan ${file}: ${result.rounds} afgeronde rondes, ${result.answers} antwoorden.`
			: `De demo staat al in ${file}.`
	);
	console.log(`Demo-accounts (wachtwoord "${DEMO_PASSWORD}"):`);
	for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(22)} ${a.role}`);
} catch (e) {
	if (!(e instanceof SeedRefused)) throw e;
	console.error(e.message);
	process.exitCode = 1;
} finally {
	db.$client.close();
}
