import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
	checkQuestionnaireFiles,
	type CheckedFile,
	type QuestionnaireFile
} from '../../domain/questionnaire/check';

/** Reads a questionnaire file; its path is kept relative to the working directory for messages. */
export function readQuestionnaireFile(path: string): QuestionnaireFile {
	return { path: relative(process.cwd(), resolve(path)) || path, text: readFileSync(path, 'utf8') };
}

/** Every `<dir>/<slug>/v<N>.json`, in a stable order. */
export function listQuestionnaireFiles(dir: string): string[] {
	const out: string[] = [];
	for (const slug of readdirSync(dir).sort()) {
		const folder = join(dir, slug);
		if (!statSync(folder).isDirectory()) continue;
		for (const name of readdirSync(folder).sort((a, b) =>
			a.localeCompare(b, 'en', { numeric: true })
		)) {
			if (/^v\d+\.json$/.test(name)) out.push(join(folder, name));
		}
	}
	return out;
}

export function checkQuestionnaireDir(dir: string): CheckedFile[] {
	return checkQuestionnaireFiles(listQuestionnaireFiles(dir).map(readQuestionnaireFile));
}

export class QuestionnaireProblems extends Error {
	constructor(readonly problems: string[]) {
		super(`De vragenlijsten bevatten fouten:\n${problems.join('\n')}`);
		this.name = 'QuestionnaireProblems';
	}
}
