import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '../../src/lib/server/ops/log';
import { sendMail } from '../../src/lib/server/mail/mail';
import { tempDir } from '../helpers/tmp';

describe('the outbox without SMTP', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.restoreAllMocks();
	});

	const mail = {
		to: 'iemand@school.nl',
		subject: 'Wachtwoord herstellen',
		text: 'Kies een nieuw wachtwoord: http://localhost/wachtwoord-herstellen/geheim-token-123'
	};

	it('in production names the file, never the link, its token or the address', async () => {
		const dir = tempDir();
		vi.stubEnv('MAIL_OUTBOX', dir);
		vi.stubEnv('SMTP_URL', '');
		vi.stubEnv('NODE_ENV', 'production');
		const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
		const warned = vi.spyOn(log, 'warn').mockImplementation(() => {});
		await sendMail(mail);
		const [file] = readdirSync(dir);
		expect(printed).not.toHaveBeenCalled();
		expect(warned).toHaveBeenCalledWith(
			{ file: join(dir, file!), subject: mail.subject },
			'mail niet verstuurd (geen SMTP_URL): in de outbox'
		);
		expect(JSON.stringify(warned.mock.calls)).not.toMatch(/geheim-token|iemand@school/);
	});

	it('outside production prints the link, for the demo', async () => {
		vi.stubEnv('MAIL_OUTBOX', tempDir());
		vi.stubEnv('SMTP_URL', '');
		vi.stubEnv('NODE_ENV', 'development');
		const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
		await sendMail(mail);
		expect(printed.mock.calls[0]![0]).toContain('geheim-token-123');
	});
});
