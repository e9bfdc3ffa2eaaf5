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

export default defineConfig({
	plugins: [questionnaireCheck(), sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// The server tests open real SQLite files; one fork per file keeps them apart.
		pool: 'forks'
	}
});
