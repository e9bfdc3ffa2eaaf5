import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BASE, E2E_DATA, signIn } from './helpers';

const regenboog = () => {
	const db = new Database(join(E2E_DATA, 'scan.db'), { readonly: true });
	const id = db.prepare("select id from school where instellingscode = '90AA'").pluck().get();
	db.close();
	return id as number;
};

test('old singular addresses redirect to the plural ones, for pages and for form posts', async ({
	page,
	request
}) => {
	const id = regenboog();
	const get = await request.get(`/school/${id}/gedeeld?ronde=1`, { maxRedirects: 0 });
	expect(get.status()).toBe(308);
	expect(get.headers().location).toBe(`/scholen/${id}/gedeeld?ronde=1`);
	const post = await request.post(`/school/${id}?/uitnodigen`, {
		form: { email: 'iemand@example.net' },
		headers: { origin: BASE },
		maxRedirects: 0
	});
	expect(post.status()).toBe(308);
	expect(post.headers().location).toBe(`/scholen/${id}?/uitnodigen`);
	const invitation = await request.get(`/uitnodiging/${'b'.repeat(32)}`, { maxRedirects: 0 });
	expect(invitation.headers().location).toBe(`/uitnodigingen/${'b'.repeat(32)}`);

	// A bookmark of the old school page opens the school page.
	await signIn(page, 'school@example.org');
	await page.goto(`/school/${id}`);
	await expect(page).toHaveURL(`${BASE}/scholen/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('OBS De Regenboog');
});
