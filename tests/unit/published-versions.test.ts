import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/lib/server/db/open';
import {
	loadQuestionnaires,
	markVersionUsed,
	publishedVersionProblems
} from '../../src/lib/server/questionnaires/registry';
import { QuestionnaireProblems } from '../../src/lib/server/questionnaires/files';
import { tempDir } from '../helpers/tmp';

function setup() {
	const dir = tempDir();
	cpSync('questionnaires', join(dir, 'questionnaires'), { recursive: true });
	const db = openDatabase(join(dir, 'scan.db'));
	migrateDatabase(db);
	return { dir: join(dir, 'questionnaires'), db };
}

describe('a published questionnaire version never changes', () => {
	it('a version nobody used may still be edited', () => {
		const { dir, db } = setup();
		const file = join(dir, 'school-scan/v1.json');
		writeFileSync(file, readFileSync(file, 'utf8').replace('Niet', 'Helemaal niet'));
		expect(publishedVersionProblems(db, loadQuestionnaires(dir))).toEqual([]);
	});

	it('reformatting a used version is no change', () => {
		const { dir, db } = setup();
		markVersionUsed(db, loadQuestionnaires(dir), 'school-scan', 1);
		const file = join(dir, 'school-scan/v1.json');
		writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 4));
		expect(publishedVersionProblems(db, loadQuestionnaires(dir))).toEqual([]);
	});

	it('an edited used version is refused, naming the file and what to do', () => {
		const { dir, db } = setup();
		markVersionUsed(db, loadQuestionnaires(dir), 'school-scan', 1);
		const file = join(dir, 'school-scan/v1.json');
		writeFileSync(file, readFileSync(file, 'utf8').replace('"Niet"', '"Helemaal niet"'));
		const problems = publishedVersionProblems(db, loadQuestionnaires(dir));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(
			/school-scan\/v1\.json: deze versie is sinds \d{4}-\d{2}-\d{2} in gebruik en daarna gewijzigd; zet de wijziging in een nieuwe versie \(v2\) en herstel v1$/
		);
	});

	it('a used version whose file is gone is refused', () => {
		const { dir, db } = setup();
		markVersionUsed(db, loadQuestionnaires(dir), 'swv-scan', 1);
		rmSync(join(dir, 'swv-scan'), { recursive: true });
		expect(publishedVersionProblems(db, loadQuestionnaires(dir))).toEqual([
			expect.stringMatching(
				/^questionnaires\/swv-scan\/v1\.json: ontbreekt, maar deze versie is sinds/
			)
		]);
	});

	it('a broken file stops loading with every problem listed', () => {
		const { dir } = setup();
		const file = join(dir, 'school-scan/v1.json');
		writeFileSync(file, readFileSync(file, 'utf8').replace('"scale": "eens4"', '"scale": "freq5"'));
		expect(() => loadQuestionnaires(dir)).toThrow(QuestionnaireProblems);
		expect(() => loadQuestionnaires(dir)).toThrow(
			/v1\.json: themes\[0\]\.items\[0\]\.scale: onbekende schaal "freq5"/
		);
	});
});
