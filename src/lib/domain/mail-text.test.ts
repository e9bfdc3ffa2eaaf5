import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacters, oneLine, quoted } from './mail-text';

describe('names in mail', () => {
	it('are one quoted line: a line break and a URL cannot start a paragraph', () => {
		const name = 'Jan\r\n\r\nKlik hier: https://evil.example/login\u2028\u202eX';
		expect(quoted(name)).toBe('“Jan Klik hier: https://evil.example/login X”');
		expect(oneLine(name)).not.toMatch(/[\r\n]/);
		expect(hasUnsafeCharacters(name)).toBe(true);
		expect(hasUnsafeCharacters('Anne-Marie van ’t Hof')).toBe(false);
	});

	it('are cut at a maximum length and cannot close the quotes themselves', () => {
		expect(oneLine('a'.repeat(200), 10)).toBe('aaaaaaaaa…');
		expect(quoted('Piet” nodigt u uit “x')).toBe("“Piet' nodigt u uit 'x”");
	});
});
