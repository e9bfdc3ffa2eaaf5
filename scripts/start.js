/**
 * `npm start`: runs the production build (`node build`) with the defaults a local start needs:
 * port 3000 and an ORIGIN that matches it (SvelteKit refuses form posts from another origin).
 * Prints the demo logins when the database holds the demo.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// A DUO school file for a whole region is larger than adapter-node's default of 512K.
process.env.BODY_SIZE_LIMIT ??= '4M';
// adapter-node waits 30 s for open connections at SIGTERM; the app closes keep-alive connections
// itself, so a few seconds is plenty for the last saves.
process.env.SHUTDOWN_TIMEOUT ??= '5';

const file = (process.env.DATABASE_URL ?? 'data/scan.db').replace(/^file:/, '');
console.log(`Database: ${resolve(file)}`);
if (existsSync(file)) {
	try {
		const db = new Database(file, { readonly: true, fileMustExist: true });
		const demo = db
			.prepare("select email from user where email like '%@example.org' order by email")
			.all()
			.map((row) => /** @type {{ email: string }} */ (row));
		db.close();
		if (demo.length) {
			// With SEED_ADMIN_PASSWORD the demo admin has that password, not the public one.
			const ownAdmin = Boolean(process.env.SEED_ADMIN_PASSWORD);
			console.log('Demo-accounts (wachtwoord "demo-wachtwoord"):');
			for (const { email } of demo) {
				const own = ownAdmin && email === 'beheer@example.org';
				console.log(`  ${email}${own ? ' (eigen wachtwoord uit SEED_ADMIN_PASSWORD)' : ''}`);
			}
		}
	} catch {
		// A database without tables yet: the app migrates it at start-up.
	}
}

try {
	// Imported by URL so that type checks do not descend into the build output.
	const { server } = await import(new URL('../build/index.js', import.meta.url).href);
	/** @type {import('node:http').Server} */
	const http = server.server;
	http.once('listening', () =>
		console.log(`Scan Passend Onderwijs draait op ${process.env.ORIGIN}`)
	);
	http.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
		console.error(
			error.code === 'EADDRINUSE'
				? `De app kon niet starten: poort ${process.env.PORT} is al in gebruik (zet PORT op een vrije poort).`
				: `De app kon niet starten: ${error.message}`
		);
		process.exit(1);
	});
} catch (error) {
	if (
		error &&
		typeof error === 'object' &&
		'code' in error &&
		error.code === 'ERR_MODULE_NOT_FOUND'
	) {
		console.error('Er is nog geen build: voer eerst `npm run build` uit.');
	} else {
		console.error('De app kon niet starten:');
		console.error(error instanceof Error ? error.message : error);
	}
	process.exit(1);
}
