import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Every page's CSS is small (the largest file is under 6 KB): it goes into the page's head,
		// so the first paint waits for no stylesheet request (issue 16's speed budget).
		inlineStyleThreshold: 8 * 1024,
		// Cross-site form posts are refused by our own hook (src/lib/server/http/refusals.ts), which
		// answers in Dutch; SvelteKit's check would answer in English before any hook runs.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte and chart.js set style attributes; no inline scripts are allowed.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
