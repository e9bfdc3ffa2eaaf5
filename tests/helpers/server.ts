import { spawn, type ChildProcess } from 'node:child_process';

export interface StartedServer extends ChildProcess {
	/** Everything the server wrote to stdout and stderr so far (when started with `capture`). */
	output: string[];
}

/**
 * Starts the production build (`node build`) on its own port and database, and resolves once
 * /readyz answers. For tests and benches that need a server of their own; `capture` keeps its
 * output (its JSON log lines) in `server.output`.
 */
export async function startBuiltServer(
	port: number,
	env: Record<string, string>,
	{ capture = false, script = 'build', cwd = process.cwd() } = {}
): Promise<StartedServer> {
	const origin = `http://localhost:${port}`;
	const server = spawn('node', [script], {
		cwd,
		env: { ...process.env, PORT: String(port), ORIGIN: origin, ...env },
		stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'ignore'
	}) as StartedServer;
	server.output = [];
	server.stdout?.on('data', (d: Buffer) => server.output.push(d.toString()));
	server.stderr?.on('data', (d: Buffer) => server.output.push(d.toString()));
	for (let i = 0; i < 300; i++) {
		if (server.exitCode !== null) break;
		try {
			if ((await fetch(`${origin}/readyz`)).ok) return server;
		} catch {
			// still starting
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill('SIGKILL');
	throw new Error(`de server op poort ${port} startte niet:\n${server.output.join('')}`);
}

/** Resolves with the exit code once the process has ended. */
export function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Runs `node <script> [args]` with the given environment to its end: its code and output. */
export async function runToExit(
	script: string,
	env: Record<string, string>,
	args: string[] = []
): Promise<{ code: number | null; output: string }> {
	const child = spawn('node', [script, ...args], { env: { ...process.env, ...env } });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const code = await exited(child);
	return { code, output };
}
