import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { holdWriteLock } from '../helpers/lock';
import { exited, runToExit, startBuiltServer } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

/**
 * The deployment files in deploy/, as far as this machine can run them (no Docker daemon here):
 * the image's file layout runs the migration, the app and a backup; its HEALTHCHECK follows
 * /readyz; systemd accepts the units.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 220;
const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');

test("the image's layout (the Dockerfile's COPY lines) migrates, serves, and backs up", async () => {
	test.setTimeout(60_000);
	const app = tempDir('spo-image-');
	const copied = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) \.\/(\S+)$/gm)];
	expect(copied.map((m) => m[1])).toContain('drizzle');
	for (const [, from, to] of copied) {
		// node_modules is linked, not copied: the image has the pruned one.
		if (from === 'node_modules') symlinkSync(resolve('node_modules'), join(app, to!));
		else cpSync(from!, join(app, to!), { recursive: true });
	}
	const env = { ...process.env, DATABASE_URL: join(app, 'data/scan.db') };
	const run = (script: string, ...args: string[]) =>
		spawnSync('node', ['node_modules/.bin/tsx', script, ...args], {
			cwd: app,
			env,
			encoding: 'utf8'
		});
	expect(run('scripts/migrate.ts').status).toBe(0);
	const server = await startBuiltServer(
		PORT,
		{ DATABASE_URL: env.DATABASE_URL },
		// What the image runs (its last CMD), so a port in use or a failed start speaks Dutch there too.
		{ script: join(app, JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!).at(-1)) }
	);
	try {
		const backup = run('scripts/backup.ts', join(app, 'data/backups/nacht.db'));
		expect(backup.status, backup.stderr).toBe(0);
	} finally {
		server.kill('SIGTERM');
		await exited(server);
	}
});

test("the Dockerfile's HEALTHCHECK passes on a ready app and fails while the database is locked", async () => {
	test.setTimeout(60_000);
	const command = /CMD node -e "(.+)"$/m.exec(dockerfile)![1]!;
	const dir = tempDir('spo-health-');
	const file = join(dir, 'scan.db');
	const server = await startBuiltServer(PORT, { DATABASE_URL: file, DATABASE_CREATE: 'true' });
	try {
		const check = () => runToExit('-e', { PORT: String(PORT) }, [command]);
		expect((await check()).code).toBe(0);
		const { released } = await holdWriteLock(file, 2000);
		expect((await check()).code).toBe(1);
		await released;
		expect((await check()).code).toBe(0);
	} finally {
		server.kill('SIGTERM');
		await exited(server);
	}
});

test('systemd accepts the service and the backup timer', () => {
	const verify = spawnSync(
		'systemd-analyze',
		[
			'verify',
			'deploy/scan-passend-onderwijs.service',
			'deploy/scan-passend-onderwijs-backup.service',
			'deploy/scan-passend-onderwijs-backup.timer'
		],
		{ encoding: 'utf8' }
	);
	test.skip(verify.error !== undefined, 'systemd-analyze is not installed here');
	expect(verify.stderr).toBe('');
	expect(verify.status).toBe(0);
});
