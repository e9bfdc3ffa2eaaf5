/** Numbers on the results page: Dutch decimal comma, a fixed number of decimals. */
export const nl = (x: number, digits = 1) =>
	x.toLocaleString('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A share as a whole percentage; "—" where it is not shown. */
export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
