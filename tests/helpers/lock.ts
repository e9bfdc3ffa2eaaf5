import { spawn } from 'node:child_process';

/**
 * A second process that takes the database's write lock (BEGIN IMMEDIATE) and keeps it for `ms`
 * milliseconds, as a migration, a script or a second app process would. Resolves once it holds
 * the lock; `released` resolves when that process has ended.
 */
export async function holdWriteLock(
	file: string,
	ms: number
): Promise<{ released: Promise<void> }> {
	const child = spawn(
		process.execPath,
		[
			'-e',
			`const db = new (require('better-sqlite3'))(process.argv[1]);
			db.prepare('BEGIN IMMEDIATE').run();
			console.log('locked');
			setTimeout(() => { db.prepare('ROLLBACK').run(); db.close(); }, Number(process.argv[2]));`,
			file,
			String(ms)
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const released = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
		child.on('exit', () =>
			reject(new Error('het slotproces stopte voordat het de database blokkeerde'))
		);
	});
	return { released };
}
