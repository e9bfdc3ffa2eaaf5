import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { checkQuestionnaireDir } from './src/lib/server/questionnaires/files';

/** A broken questionnaire file stops the build, the dev server and the tests, naming file and path. */
function questionnaireCheck(): Plugin {
	return {
		name: 'questionnaire-check',
		buildStart() {
			const problems = checkQuestionnaireDir('questionnaires').flatMap((c) => c.problems);
			if (problems.length) this.error(`De vragenlijsten bevatten fouten:\n${problems.join('\n')}`);
		}
	};
}

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [questionnaireCheck(), sveltekit()],
	server: { port: 3000 },
	// In the browser, Svelte's and SvelteKit's runtime (loaded by every page together) come as one
	// file instead of several small ones: fewer module requests before a page is interactive.
	build: isSsrBuild
		? {}
		: {
				rolldownOptions: {
					output: {
						codeSplitting: {
							groups: [
								{
									name: 'runtime',
									test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue)[\\/]/
								}
							]
						}
					}
				}
			},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// The server tests open real SQLite files; one fork per file keeps them apart.
		pool: 'forks'
	}
}));
