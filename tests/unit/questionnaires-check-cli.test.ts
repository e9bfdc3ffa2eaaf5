import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import { loadQuestionnaires, markVersionUsed } from '../../src/lib/server/questionnaires/registry';
import { tempDir } from '../helpers/tmp';

const run = (...files: string[]) =>
	spawnSync('node_modules/.bin/tsx', ['scripts/questionnaires-check.ts', ...files], {
		encoding: 'utf8'
	});

// Each test spawns tsx; on a busy two-core machine that alone can take five seconds.
describe('npm run questionnaires:check', { timeout: 30_000 }, () => {
	it('passes the committed questionnaires', () => {
		const out = execFileSync('node_modules/.bin/tsx', ['scripts/questionnaires-check.ts'], {
			encoding: 'utf8'
		});
		expect(out).toContain('4 bestanden in orde.');
	});

	it('prints every problem of a draft in one line each and exits with 1', () => {
		const result = run(
			'tests/fixtures/questionnaires/onbekende-schaal/v1.json',
			'tests/fixtures/questionnaires/band-gat/v1.json'
		);
		expect(result.status).toBe(1);
		expect(result.stdout.split('\n').filter((l) => l.includes('.json:'))).toEqual([
			'tests/fixtures/questionnaires/onbekende-schaal/v1.json: themes[1].items[0].scale: onbekende schaal "freq5"',
			'tests/fixtures/questionnaires/band-gat/v1.json: levels[2].from: gat tussen de banden: levels[1] eindigt bij 50, deze begint bij 55'
		]);
		expect(result.stdout).toContain('2 problemen gevonden.');
	});

	it('checks a draft v2 against the v1 beside it', () => {
		const good = run('tests/fixtures/valid/mini/v2.json');
		expect([good.status, good.stdout.trim()]).toEqual([0, '1 bestand in orde.']);
		const bad = run('tests/fixtures/questionnaires/v2-hernoemt-onbekend-item/v2.json');
		expect(bad.status).toBe(1);
		expect(bad.stdout).toContain(
			'tests/fixtures/questionnaires/v2-hernoemt-onbekend-item/v2.json: supersedes.renamed.visie-zichtbar: "visie-zichtbar" staat niet in versie 1'
		);
	});

	it('says so when a named file does not exist', () => {
		const result = run('questionnaires/school-scan/v9.json');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('v9.json');
	});

	it('with --database, fails on an edit to a version published there', () => {
		const dir = tempDir();
		const questionnaires = join(dir, 'questionnaires');
		cpSync('questionnaires', questionnaires, { recursive: true });
		const file = join(dir, 'scan.db');
		const db = openDatabase(file);
		migrateDatabase(db);
		markVersionUsed(db, loadQuestionnaires(questionnaires), 'school-scan', 1);
		db.$client.close();
		const check = () =>
			spawnSync('node_modules/.bin/tsx', ['scripts/questionnaires-check.ts', '--database', file], {
				encoding: 'utf8',
				env: { ...process.env, QUESTIONNAIRES_DIR: questionnaires }
			});
		const same = check();
		expect([same.status, same.stdout.trim()]).toEqual([
			0,
			`4 bestanden in orde. Gepubliceerde versies in ${file} zijn ongewijzigd.`
		]);

		const v1 = join(questionnaires, 'school-scan/v1.json');
		writeFileSync(v1, readFileSync(v1, 'utf8').replace('"Grotendeels"', '"Meestal"'));
		const edited = check();
		expect(edited.status).toBe(1);
		expect(edited.stdout).toMatch(
			/school-scan\/v1\.json: deze versie is sinds .* in gebruik en daarna gewijzigd/
		);
		// Without the database the edit cannot be seen: only the file's own shape is checked.
		expect(
			spawnSync('node_modules/.bin/tsx', ['scripts/questionnaires-check.ts'], {
				encoding: 'utf8',
				env: { ...process.env, QUESTIONNAIRES_DIR: questionnaires }
			}).status
		).toBe(0);
	}, 30_000);
});
