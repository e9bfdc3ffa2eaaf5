/**
 * `npm run db:backup -- <file>`: a consistent copy of DATABASE_URL while the app keeps running,
 * checked before it is put in place. Exits 1 (and leaves no file) when anything is wrong.
 */
import { BackupProblem, backupDatabase } from '../src/lib/server/db/backup';
import { databaseFile } from '../src/lib/server/db/open';

const target = process.argv[2];
if (!target || target.startsWith('-')) {
	console.error(
		'Gebruik: npm run db:backup -- <bestand>   (bijvoorbeeld backups/scan-2026-12-01.db)'
	);
	process.exit(2);
}
const source = databaseFile();
try {
	const result = backupDatabase(source, target);
	const rows = Object.entries(result.counts)
		.map(([table, n]) => `${table} ${n}`)
		.join(', ');
	console.log(
		`Back-up van ${source} naar ${target}: ${(result.bytes / 1048576).toFixed(1)} MB in ${result.ms} ms, gecontroleerd (integrity_check ok, ${result.migrations} migraties).`
	);
	console.log(`Rijen: ${rows}`);
} catch (error) {
	console.error(
		`Back-up mislukt: ${error instanceof BackupProblem ? error.message : String(error)}`
	);
	process.exit(1);
}
