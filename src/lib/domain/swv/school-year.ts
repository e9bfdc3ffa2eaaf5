import { yearMonth } from '../format';

/** School year of a moment, in Dutch time: from 1 August, as "2025-2026". */
export function schoolYear(date: Date): string {
	const { year: y, month: m } = yearMonth(date);
	return m >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}
