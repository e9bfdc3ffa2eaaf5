import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUSY_TIMEOUT_MS, databaseFileProblem, databasePath, type Db } from '../db/open';
import { schemaProblems } from '../db/schema-check';
import { isStopping } from './shutdown';
import type { QuestionnaireRegistry } from '../questionnaires/registry';

/** How long /readyz waits for the write lock: a load balancer's probe must answer quickly. */
const LOCK_PROBE_MS = 250;
/** Below this much free space on the database's disk the app is not ready (SQLITE_FULL ahead). */
const minFreeBytes = () => Number(process.env.READY_MIN_FREE_MB ?? 64) * 1024 * 1024;

/**
 * Readiness, for a load balancer: may this process be sent traffic? Returns the first problem as
 * one Dutch line, or null. Checks that the open database is still the file at DATABASE_URL, that a
 * write transaction can begin within LOCK_PROBE_MS, that the disk has room, that the migrations and
 * the schema match the code, and that the questionnaires are loaded.
 */
export function readinessProblem(db: Db, questionnaires: QuestionnaireRegistry): string | null {
	if (isStopping()) return 'de app stopt';
	const file = databaseFileProblem(db);
	if (file) return file;
	const path = databasePath(db);
	if (path) {
		const { bavail, bsize } = statfsSync(dirname(path));
		if (bavail * bsize < minFreeBytes())
			return `de schijf van ${path} is (bijna) vol: ${Math.floor((bavail * bsize) / 1048576)} MB vrij`;
	}
	const lock = writeLockProblem(db);
	if (lock) return lock;
	const schema = schemaProblems(db);
	if (schema.length) return `de database past niet bij de app: ${schema.join('; ')}`;
	if (!questionnaires.loaded.length) return 'er zijn geen vragenlijsten geladen';
	return null;
}

function writeLockProblem(db: Db): string | null {
	const client = db.$client;
	client.pragma(`busy_timeout = ${LOCK_PROBE_MS}`);
	try {
		client.prepare('BEGIN IMMEDIATE').run();
		client.prepare('ROLLBACK').run();
		return null;
	} catch (error) {
		const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
		return `de database kan niet schrijven binnen ${LOCK_PROBE_MS} ms (${code || String(error)}): een ander proces houdt de schrijfblokkade vast`;
	} finally {
		client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	}
}
