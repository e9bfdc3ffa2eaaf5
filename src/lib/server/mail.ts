import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/**
 * Sends mail through SMTP when `SMTP_URL` is set; otherwise writes each message as an .eml file
 * to `MAIL_OUTBOX` (default `data/outbox/`) and logs its links, so that the demo and the tests
 * work without a mail server.
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
	const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
	console.log(
		`[mail] aan ${mail.to}: ${mail.subject} (${join(dir, name)})${links.map((l) => `\n  ${l}`).join('')}`
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
