/**
 * `npm run db:restore -- <backup> [--dry-run]`: puts a checked backup in place of DATABASE_URL.
 * Stop the app first; the replaced database is kept beside it. `--dry-run` only checks and says
 * what would happen.
 */
import { BackupProblem, restoreDatabase } from '../src/lib/server/db/backup';
import { databaseFile } from '../src/lib/server/db/open';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const backup = args.find((a) => !a.startsWith('-'));
if (!backup) {
	console.error('Gebruik: npm run db:restore -- <back-up> [--dry-run]');
	process.exit(2);
}
const target = databaseFile();
try {
	const plan = restoreDatabase(backup, target, { dryRun });
	const rows = Object.entries(plan.counts)
		.map(([table, n]) => `${table} ${n}`)
		.join(', ');
	console.log(`Back-up ${backup} is in orde (integrity_check ok, ${plan.migrations} migraties).`);
	console.log(`Rijen: ${rows}`);
	const kept = plan.keptAs ? `; de huidige database blijft bewaard als ${plan.keptAs}` : '';
	console.log(
		dryRun
			? `Proefdraai: niets veranderd. Zonder --dry-run komt de back-up op ${target}${kept}.`
			: `Hersteld op ${target}${kept}. Start de app nu weer.`
	);
} catch (error) {
	console.error(
		`Herstel mislukt: ${error instanceof BackupProblem ? error.message : String(error)}`
	);
	process.exit(1);
}
