import { hash, verify } from '@node-rs/argon2';

/** argon2id with the parameters OWASP recommends as a minimum (19 MiB, 2 passes). */
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password);
}
