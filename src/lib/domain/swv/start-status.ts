import { formatDate } from '../format';
import { schoolYear } from './school-year';

export interface RoundStart {
	opensAt: Date;
	open: boolean;
	/** Responses sent (only sent responses count, also for the SWV). */
	sent: number;
}

/**
 * Where a school stands for its SWV: a round running (and how many sent), its last round, or
 * never started. Not started this school year: no round since 1 August, or an open round that
 * nobody has sent yet. `rounds` newest first.
 */
export function startStatus(rounds: readonly RoundStart[], active: boolean, now: Date) {
	const open = rounds.find((r) => r.open);
	const newest = rounds[0];
	const year = schoolYear(now);
	return {
		open: !!open,
		notStarted:
			active &&
			(!rounds.some((r) => schoolYear(r.opensAt) === year) || (!!open && open.sent === 0)),
		stand: open
			? `ronde loopt, ${open.sent} verstuurd`
			: newest
				? `laatste ronde ${formatDate(newest.opensAt, 'short')}`
				: 'nog nooit gestart'
	};
}
