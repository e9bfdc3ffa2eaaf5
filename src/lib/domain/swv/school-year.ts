/** School year of a moment, in Dutch time: from 1 August, as "2025-2026". */
export function schoolYear(date: Date): string {
	const [y, m] = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit'
	})
		.format(date)
		.split('-')
		.map(Number) as [number, number];
	return m >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}
