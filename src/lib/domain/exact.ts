/**
 * Exact fractions for scores: an answer scores 100·(value − lowest)/(highest − lowest), a third
 * of a hundred on a four-point scale, which floating point cannot hold. Means are kept as
 * fractions of integers and rounded once, half up, when they are shown.
 */

export interface Fraction {
	n: bigint;
	d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
	a = a < 0n ? -a : a;
	while (b) [a, b] = [b, a % b];
	return a;
};

export function fraction(n: bigint, d: bigint = 1n): Fraction {
	if (d === 0n) throw new Error('deling door nul');
	if (d < 0n) [n, d] = [-n, -d];
	const g = gcd(n, d) || 1n;
	return { n: n / g, d: d / g };
}

/** A decimal number as written ("1.5" → 3/2); weights and scale values are such numbers. */
export function fromNumber(x: number): Fraction {
	if (Number.isInteger(x)) return fraction(BigInt(x));
	const [whole = '0', decimals = ''] = x.toFixed(12).replace(/0+$/, '').split('.');
	const scale = 10n ** BigInt(decimals.length);
	return fraction(BigInt(whole + decimals), scale);
}

export const add = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);
export const ZERO = fraction(0n);

/** Rounded half up (away from zero for negatives) to `digits` decimals, as a number. */
export function roundHalfUp(x: Fraction, digits = 0): number {
	const scale = 10n ** BigInt(digits);
	const n = x.n * scale;
	const neg = n < 0n;
	const abs = neg ? -n : n;
	const r = (2n * abs + x.d) / (2n * x.d);
	return Number(neg ? -r : r) / Number(scale);
}

export const toNumber = (x: Fraction) => Number(x.n) / Number(x.d);
