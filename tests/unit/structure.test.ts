import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorTokensCss } from '../../src/lib/domain/colors';
import { tempDir } from '../helpers/tmp';

/**
 * The shape of the code, checked like behaviour: no import cycles, and one source for colours.
 * (Database access outside the server layer is refused by ESLint; see eslint.config.js.)
 */

function filesUnder(dir: string, pattern: RegExp): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
		else if (pattern.test(name)) out.push(path);
	}
	return out;
}

const sources = filesUnder('src', /\.(ts|svelte|css)$/).filter((f) => !f.endsWith('.test.ts'));

/** The module a specifier points at, for `$lib/…` and relative specifiers (others are packages). */
function resolveImport(from: string, specifier: string): string | null {
	const base = specifier.startsWith('$lib/')
		? join('src/lib', specifier.slice(5))
		: specifier.startsWith('.')
			? join(dirname(from), specifier)
			: null;
	if (!base) return null;
	for (const candidate of [base, `${base}.ts`, base.replace(/\.js$/, '.ts')]) {
		try {
			if (statSync(candidate).isFile()) return normalize(candidate);
		} catch {
			// not this one
		}
	}
	return null;
}

/** Every module a file imports, type-only imports included (they tie modules together too). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const found: string[] = [];
	for (const m of text.matchAll(/(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]/g)) {
		const target = resolveImport(file, m[1]!);
		if (target) found.push(target);
	}
	return found;
}

/** The cycles of the import graph: strongly connected parts with more than one module. */
function importCycles(files: readonly string[]): string[][] {
	const graph = new Map(files.map((f) => [normalize(f), importsOf(f)]));
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	let next = 0;
	const visit = (v: string) => {
		index.set(v, next);
		low.set(v, next++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!graph.has(w)) continue;
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const part: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				part.push(w);
			} while (w !== v);
			if (part.length > 1) cycles.push(part.sort());
		}
	};
	for (const v of graph.keys()) if (!index.has(v)) visit(v);
	return cycles;
}

describe('the structure of the code', () => {
	it('has no import cycles in src, type imports included', () => {
		expect(importCycles(sources.filter((f) => !f.endsWith('.css')))).toEqual([]);
	});

	it('finds a cycle when there is one (the check itself can fail)', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
		writeFileSync(join(dir, 'b.ts'), "import { c } from './c';\nexport type B = typeof c;\n");
		writeFileSync(join(dir, 'c.ts'), "import type { A } from './a';\nexport const c = 1 as A;\n");
		writeFileSync(join(dir, 'd.ts'), "import { c } from './c';\nexport const d = c;\n");
		const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((f) => join(dir, f));
		expect(importCycles(files)).toEqual([files.slice(0, 3).map(normalize)]);
	});

	it('writes colours only in src/lib/domain/colors.ts', () => {
		const hex = /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![-\w])/g;
		const offenders = sources
			.filter((f) => relative('src', f) !== join('lib', 'domain', 'colors.ts'))
			.flatMap((f) =>
				readFileSync(f, 'utf8')
					.split('\n')
					.map((line, i) => ({ line, at: `${f}:${i + 1}` }))
					// Links to a page's own anchors (href="#inhoud") are not colours.
					.filter(
						({ line }) => (line.replace(/href="#[\w-]+"|'#[\w-]+'/g, '').match(hex) ?? []).length
					)
					.map(({ at }) => at)
			);
		expect(offenders).toEqual([]);
	});

	it('defines every colour token the styles use', () => {
		const defined = new Set([...colorTokensCss().matchAll(/(--spo-[\w-]+):/g)].map((m) => m[1]!));
		const used = new Set(
			sources.flatMap((f) =>
				[...readFileSync(f, 'utf8').matchAll(/var\((--spo-(?:color|level)-[\w-]+)\)/g)].map(
					(m) => m[1]!
				)
			)
		);
		expect(used.size).toBeGreaterThan(10);
		expect([...used].filter((t) => !defined.has(t))).toEqual([]);
	});
});
