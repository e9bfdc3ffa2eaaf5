import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { log } from '../ops/log';

/**
 * Sends mail through SMTP when `SMTP_URL` is set; otherwise writes each message as an .eml file
 * to `MAIL_OUTBOX` (default `data/outbox/`), so that the demo and the tests work without a mail
 * server. Outside production the log line shows the links (the demo's sign-in and reset links);
 * with NODE_ENV=production it names only the file: a link holds a token, and logs travel further
 * than mail.
 */
export interface Mail {
	to: string;
	subject: string;
	text: string;
}

const FROM = () =>
	process.env.MAIL_FROM ?? 'Scan Passend Onderwijs <noreply@scan-passend-onderwijs.nl>';

let smtp: ReturnType<typeof nodemailer.createTransport> | undefined;
const outbox = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

export async function sendMail(mail: Mail): Promise<void> {
	const message = { from: FROM(), to: mail.to, subject: mail.subject, text: mail.text };
	const url = process.env.SMTP_URL;
	if (url) {
		smtp ??= nodemailer.createTransport(url);
		await smtp.sendMail(message);
		return;
	}
	const info = await outbox.sendMail(message);
	const dir = process.env.MAIL_OUTBOX ?? 'data/outbox';
	mkdirSync(dir, { recursive: true });
	const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.eml`;
	writeFileSync(join(dir, name), info.message as Buffer);
	const file = join(dir, name);
	if (process.env.NODE_ENV === 'production') {
		log.warn({ file, subject: mail.subject }, 'mail niet verstuurd (geen SMTP_URL): in de outbox');
		return;
	}
	const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
	console.log(
		`[mail] aan ${mail.to}: ${mail.subject} (${file})${links.map((l) => `\n  ${l}`).join('')}`
	);
}

/**
 * Sends after the answer, for mail whose failure the user must not learn about (a reset link:
 * a failure only for existing accounts would tell which addresses have one). Failures are logged.
 */
export function sendMailLater(mail: Mail): void {
	sendMail(mail).catch((e: unknown) => {
		console.error(`[mail] niet verstuurd aan ${mail.to}: ${mail.subject}:`, e);
	});
}
