import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random, unguessable token for a link (160 bits); only its sha256 is stored. */
export function generateLinkToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Tokens in URLs are lower-case base32; anything else is not one of ours. */
export function looksLikeToken(token: string): boolean {
	return /^[a-z2-7]{32}$/.test(token);
}

/** The share token in a round's link: 128 bits, 26 characters of lower-case base32. */
export function generateShareToken(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
