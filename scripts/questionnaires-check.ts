/**
 * `npm run questionnaires:check [file...]`: checks questionnaire files without starting the app.
 * Without arguments it checks every file in questionnaires/; with files it checks those, read
 * beside the committed versions so that a draft v2 is checked against the v1 it supersedes.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkQuestionnaireFiles } from '../src/lib/domain/questionnaire/check';
import {
	listQuestionnaireFiles,
	readQuestionnaireFile
} from '../src/lib/server/questionnaire-files';

const dir = process.env.QUESTIONNAIRES_DIR ?? 'questionnaires';
const named = process.argv.slice(2).map((f) => resolve(f));
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
for (const p of problems) console.log(p);
if (problems.length) {
	console.log(`\n${problems.length} ${problems.length === 1 ? 'probleem' : 'problemen'} gevonden.`);
	process.exit(1);
}
console.log(`${wanted.size} ${wanted.size === 1 ? 'bestand' : 'bestanden'} in orde.`);
