/**
 * `npm run questionnaires:check [-- [--database <file>] [file...]]`: checks questionnaire files
 * without starting the app. Without files it checks every file in questionnaires/; with files it
 * checks those, read beside the committed versions so that a draft v2 is checked against the v1
 * it supersedes. With `--database` (a copy of the production database will do) it also compares
 * every published version with the content hash recorded there, so that an edit to a published
 * version fails before the deploy instead of at the app's start.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkQuestionnaireFiles } from '../src/lib/domain/questionnaire/check';
import { DatabaseMissing, openDatabaseReadOnly } from '../src/lib/server/db/open';
import {
	listQuestionnaireFiles,
	readQuestionnaireFile
} from '../src/lib/server/questionnaires/files';
import {
	contentHash,
	publishedVersionProblems,
	QuestionnaireRegistry
} from '../src/lib/server/questionnaires/registry';

const dir = process.env.QUESTIONNAIRES_DIR ?? 'questionnaires';
const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--database' || a.startsWith('--database='));
let database: string | undefined;
if (at >= 0) {
	database = args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
	args.splice(at, args[at]!.includes('=') ? 1 : 2);
	if (!database) {
		console.error('--database heeft een bestand nodig: --database data/scan.db');
		process.exit(2);
	}
}
const named = args.map((f) => resolve(f));
// Sibling versions of a named draft (v1 beside a draft v2) are read too, but not reported on.
const siblings = named.flatMap((f) => {
	try {
		return readdirSync(dirname(f))
			.filter((n) => /^v\d+\.json$/.test(n))
			.map((n) => join(dirname(f), n));
	} catch {
		return [];
	}
});
const others = [
	...new Set([...listQuestionnaireFiles(dir), ...siblings].map((f) => resolve(f)))
].filter((f) => !named.includes(f));
const targets = named.length ? named : others;

let files;
try {
	files = [...new Set([...targets, ...(named.length ? others : [])])].map(readQuestionnaireFile);
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
}
const checked = checkQuestionnaireFiles(files);
const wanted = new Set(targets.map((t) => readQuestionnaireFile(t).path));
const problems = checked.filter((c) => wanted.has(c.path)).flatMap((c) => c.problems);
if (database) problems.push(...publishedProblems(database));
for (const p of problems) console.log(p);
if (problems.length) {
	console.log(`\n${problems.length} ${problems.length === 1 ? 'probleem' : 'problemen'} gevonden.`);
	process.exit(1);
}
console.log(
	`${wanted.size} ${wanted.size === 1 ? 'bestand' : 'bestanden'} in orde.` +
		(database ? ` Gepubliceerde versies in ${database} zijn ongewijzigd.` : '')
);

/** What the app would refuse at start-up: published versions changed or gone. */
function publishedProblems(file: string): string[] {
	const registry = new QuestionnaireRegistry(
		checked.flatMap((c) =>
			c.questionnaire
				? [{ path: c.path, questionnaire: c.questionnaire, hash: contentHash(c.questionnaire) }]
				: []
		)
	);
	let db;
	try {
		db = openDatabaseReadOnly(file);
	} catch (e) {
		console.error(e instanceof DatabaseMissing ? e.message : `${file}: ${String(e)}`);
		process.exit(1);
	}
	try {
		return publishedVersionProblems(db, registry);
	} finally {
		db.$client.close();
	}
}
