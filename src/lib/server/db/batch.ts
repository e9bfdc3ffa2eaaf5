import { databaseFileProblem, type Db } from './open';
import { DatabaseUnavailable, isDatabaseUnavailable } from './unavailable';

/**
 * Group commit. Every write that must be durable before it is acknowledged (an answer) waits for
 * an fsync; with synchronous=FULL that is the most expensive part of a save. Writes that arrive
 * in the same turn of the event loop share one transaction, each in its own savepoint (so one
 * refused write does not undo the others), and each caller is answered only after the commit.
 * The transaction begins IMMEDIATE, so a second writer (another process on the same file) makes
 * it wait up to busy_timeout instead of failing at once; a write that still cannot be made, or a
 * database file that was deleted or replaced under the app, rejects every caller (answered 503).
 */
interface Job {
	run: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

const queues = new WeakMap<Db, Job[]>();

export function batchedWrite<T>(db: Db, run: () => T): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let queue = queues.get(db);
		if (!queue) {
			queue = [];
			queues.set(db, queue);
			setImmediate(() => flush(db));
		}
		queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
	});
}

function flush(db: Db) {
	const jobs = queues.get(db) ?? [];
	queues.delete(db);
	const results: { ok: boolean; value: unknown }[] = [];
	try {
		const fileProblem = databaseFileProblem(db);
		if (fileProblem) throw new DatabaseUnavailable(fileProblem);
		db.$client
			.transaction(() => {
				for (const job of jobs) {
					try {
						results.push({ ok: true, value: db.$client.transaction(job.run)() });
					} catch (error) {
						// A full disk or an I/O error ends the whole transaction (SQLite rolls it back):
						// no job in it is saved.
						if (isDatabaseUnavailable(error)) throw error;
						results.push({ ok: false, value: error });
					}
				}
			})
			.immediate();
	} catch (error) {
		for (const job of jobs) job.reject(error);
		return;
	}
	jobs.forEach((job, i) =>
		results[i]!.ok ? job.resolve(results[i]!.value) : job.reject(results[i]!.value)
	);
}

/** Writes what is still queued now (at shutdown, before the database is closed). */
export function flushPendingWrites(db: Db): void {
	if (queues.has(db)) flush(db);
}
