import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts the production build (`node build`) on its own port and database, and resolves once
 * /healthz answers. For tests and benches that need a server of their own.
 */
export async function startBuiltServer(
	port: number,
	env: Record<string, string>
): Promise<ChildProcess> {
	const origin = `http://localhost:${port}`;
	const server = spawn('node', ['build'], {
		env: { ...process.env, PORT: String(port), ORIGIN: origin, ...env },
		stdio: 'ignore'
	});
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return server;
		} catch {
			// still starting
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill('SIGKILL');
	throw new Error(`de server op poort ${port} startte niet`);
}
