import { defineConfig } from '@playwright/test';

/**
 * Browser tests run against the production build (`vite build` + `node build`) on its own
 * database file, seeded with the demo. Playwright cannot download browsers here: it drives
 * Debian's chromium (`CHROMIUM_PATH` points elsewhere on another machine).
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://localhost:${PORT}`;
/** Its own data directory and port (E2E_DATA, E2E_PORT) let two suites run side by side. */
const DATA = process.env.E2E_DATA ?? 'tests/.tmp/e2e';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: ORIGIN,
		browserName: 'chromium',
		locale: 'nl-NL',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: `rm -rf ${DATA} && npm run build && tsx scripts/seed.ts && node scripts/start.js`,
		url: `${ORIGIN}/readyz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			ORIGIN,
			DATABASE_URL: `${DATA}/scan.db`,
			MAIL_OUTBOX: `${DATA}/outbox`,
			// Every test signs in from 127.0.0.1; the per-account limit stays at five failures.
			LOGIN_ATTEMPTS_PER_ADDRESS: '500',
			CONTACT_EMAIL: 'toegankelijkheid@scan.example',
			PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`
		}
	}
});
