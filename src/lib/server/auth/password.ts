import { hash, verify } from '@node-rs/argon2';

/** argon2id with the parameters OWASP recommends as a minimum (19 MiB, 2 passes). */
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against an account's hash, or, when there is no account (or no password),
 * against a hash of a random password with the same parameters, so that an unknown address takes
 * as long as a wrong password: the answer time does not tell which addresses have an account.
 */
export async function verifyPasswordOrDummy(
	passwordHash: string | null | undefined,
	password: string
): Promise<boolean> {
	dummy ??= hashPassword(crypto.randomUUID());
	const ok = await verify(passwordHash ?? (await dummy), password);
	return ok && !!passwordHash;
}
