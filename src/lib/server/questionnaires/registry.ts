import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { canonicalContent, versionKey } from '../../domain/questionnaire/check';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import type { Db } from '../db/open';
import { questionnaireVersion } from '../db/schema';
import { checkQuestionnaireDir, QuestionnaireProblems } from './files';

export interface LoadedQuestionnaire {
	path: string;
	questionnaire: Questionnaire;
	hash: string;
}

export class QuestionnaireRegistry {
	private readonly byKey = new Map<string, LoadedQuestionnaire>();

	constructor(readonly loaded: readonly LoadedQuestionnaire[]) {
		for (const l of loaded) this.byKey.set(versionKey(l.questionnaire), l);
	}

	get(id: string, version: number): Questionnaire | undefined {
		return this.byKey.get(`${id}@${version}`)?.questionnaire;
	}

	/** All versions of one questionnaire, newest first. */
	versions(id: string): Questionnaire[] {
		return this.loaded
			.map((l) => l.questionnaire)
			.filter((q) => q.id === id)
			.sort((a, b) => b.version - a.version);
	}

	latest(id: string): Questionnaire | undefined {
		return this.versions(id)[0];
	}

	entry(id: string, version: number): LoadedQuestionnaire | undefined {
		return this.byKey.get(`${id}@${version}`);
	}
}

export function contentHash(q: Questionnaire): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalContent(q))));
}

/** Loads and checks every file in the folder; any problem throws with all of them listed. */
export function loadQuestionnaires(dir: string): QuestionnaireRegistry {
	const checked = checkQuestionnaireDir(dir);
	const problems = checked.flatMap((c) => c.problems);
	if (problems.length) throw new QuestionnaireProblems(problems);
	return new QuestionnaireRegistry(
		checked.map((c) => ({
			path: c.path,
			questionnaire: c.questionnaire!,
			hash: contentHash(c.questionnaire!)
		}))
	);
}

/**
 * A version that a round has used is published: its file may not change and may not go away.
 * Returns one line per violation (empty when all is well).
 */
export function publishedVersionProblems(db: Db, registry: QuestionnaireRegistry): string[] {
	const problems: string[] = [];
	for (const row of db.select().from(questionnaireVersion).all()) {
		const entry = registry.entry(row.questionnaireId, row.version);
		const file = `questionnaires/${row.questionnaireId}/v${row.version}.json`;
		const since = row.firstUsedAt.toISOString().slice(0, 10);
		if (!entry) {
			problems.push(`${file}: ontbreekt, maar deze versie is sinds ${since} in gebruik`);
		} else if (entry.hash !== row.contentHash) {
			problems.push(
				`${entry.path}: deze versie is sinds ${since} in gebruik en daarna gewijzigd; zet de wijziging in een nieuwe versie (v${row.version + 1}) en herstel v${row.version}`
			);
		}
	}
	return problems;
}

/** Records that a version is in use (the first time only): from now on it may not change. */
export function markVersionUsed(
	db: Db,
	registry: QuestionnaireRegistry,
	id: string,
	version: number
) {
	const entry = registry.entry(id, version);
	if (!entry) throw new Error(`onbekende vragenlijst ${id} v${version}`);
	db.insert(questionnaireVersion)
		.values({ questionnaireId: id, version, contentHash: entry.hash })
		.onConflictDoNothing()
		.run();
}
