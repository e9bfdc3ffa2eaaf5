import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'drizzle/',
			'test-results/',
			'playwright-report/',
			'tests/.tmp/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app has no base path, so plain hrefs are correct; resolve() would only add noise.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte'],
		ignores: ['eslint.config.js', 'svelte.config.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error'
		}
	},
	{
		// The domain core is plain TypeScript over plain data: the web pages, the PDF and the
		// tests all call it, so it may not depend on the framework, the database or Node.
		files: ['src/lib/domain/**'],
		// Tests beside the domain code may read fixture files.
		ignores: ['src/lib/domain/**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$app/*', '@sveltejs/*', 'svelte', 'svelte/*'],
							message: 'Geen SvelteKit in de domeinkern.'
						},
						{
							group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
							message: 'Geen database in de domeinkern.'
						},
						{
							group: ['node:*', 'fs', 'path', 'crypto'],
							message: 'Geen Node-API in de domeinkern.'
						},
						{
							group: ['chart.js', 'chart.js/*', 'pdfkit', 'pdfkit/*'],
							message: 'Geen grafiek- of PDF-bibliotheek in de domeinkern.'
						},
						{
							group: ['$lib/server/*', '**/server/*'],
							message: 'De domeinkern kent de serverlaag niet.'
						}
					]
				}
			]
		}
	},
	{
		// Pages and components show and ask; they do not query. A route parses its input, checks who
		// may do it, calls one function of the server layer (src/lib/server/<feature>/) and shapes
		// the answer, so every query and rule lives where the tests and the other pages reach it.
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
							message:
								'Geen databasetoegang in routes of componenten: zet de query in src/lib/server/<onderdeel>/.'
						},
						{
							group: ['$lib/server/db/schema', '$lib/server/db/schema.*', '**/db/schema'],
							message:
								'Geen databasetoegang in routes of componenten: zet de query in src/lib/server/<onderdeel>/.'
						}
					]
				}
			]
		}
	}
);
