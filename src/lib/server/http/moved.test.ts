import { describe, expect, it } from 'vitest';
import { movedTo } from './moved';

const at = (path: string) => movedTo(new URL(path, 'http://localhost'));

describe('moved URLs', () => {
	it('sends the old singular school and invitation addresses to the plural ones', () => {
		expect(at('/school/12')).toBe('/scholen/12');
		expect(at('/school/12/coordinatoren')).toBe('/scholen/12/coordinatoren');
		expect(at('/school/12/gedeeld?ronde=5')).toBe('/scholen/12/gedeeld?ronde=5');
		expect(at('/school/12?/uitnodigen')).toBe('/scholen/12?/uitnodigen');
		expect(at('/uitnodiging/abc')).toBe('/uitnodigingen/abc');
	});

	it('leaves every other address alone', () => {
		for (const path of [
			'/scholen/12',
			'/schoolplein',
			'/beheer/scholen/3',
			'/uitnodigingen/abc',
			'/rondes/4/uitnodiging',
			'/'
		])
			expect(at(path)).toBeNull();
	});
});
