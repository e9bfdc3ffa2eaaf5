import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const E2E_DATA = 'tests/.tmp/e2e';

/** WCAG 2.1 A and AA, checked by axe-core on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`
	);
	expect(summary, 'axe-core violations').toEqual([]);
}
