import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import { loadQuestionnaires, markVersionUsed } from '../../src/lib/server/questionnaires/registry';

/** Its own port, beside the suite's server (E2E_PORT) and the other specs' servers. */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 250;

/** Starts the built app on its own port and files; resolves with its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn('node', ['scripts/start.js'], {
			env: { ...process.env, PORT: String(PORT), ORIGIN: `http://localhost:${PORT}`, ...env }
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => child.kill('SIGTERM'), 10_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

function copyQuestionnaires() {
	const dir = mkdtempSync(join(tmpdir(), 'spo-start-'));
	cpSync('questionnaires', join(dir, 'questionnaires'), { recursive: true });
	return { dir, questionnaires: join(dir, 'questionnaires'), db: join(dir, 'scan.db') };
}

test('a broken questionnaire file stops start-up, naming file and path', async () => {
	const { questionnaires, db } = copyQuestionnaires();
	const file = join(questionnaires, 'school-scan/v1.json');
	writeFileSync(file, readFileSync(file, 'utf8').replace('"scale": "eens4"', '"scale": "freq5"'));
	const { code, output } = await start({ QUESTIONNAIRES_DIR: questionnaires, DATABASE_URL: db });
	expect(code).toBe(1);
	expect(output).toContain('De app kon niet starten');
	expect(output).toMatch(
		/school-scan\/v1\.json: themes\[0\]\.items\[0\]\.scale: onbekende schaal "freq5"/
	);
});

test('a changed published version stops start-up and asks for a new version', async () => {
	const { questionnaires, db } = copyQuestionnaires();
	const database = openDatabase(db);
	migrateDatabase(database);
	markVersionUsed(database, loadQuestionnaires(questionnaires), 'school-scan', 1);
	database.$client.close();
	const file = join(questionnaires, 'school-scan/v1.json');
	writeFileSync(file, readFileSync(file, 'utf8').replace('"Grotendeels"', '"Meestal"'));
	const { code, output } = await start({ QUESTIONNAIRES_DIR: questionnaires, DATABASE_URL: db });
	expect(code).toBe(1);
	expect(output).toMatch(
		/school-scan\/v1\.json: deze versie is sinds .* in gebruik en daarna gewijzigd; zet de wijziging in een nieuwe versie \(v2\)/
	);
});
