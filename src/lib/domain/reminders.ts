import { quoted } from './mail-text';
import { addDays, dutchWallClock, formatDate, formatPercent, isoDay } from './format';
import { isOpen } from './round-lifecycle';

/**
 * Reminder mails a coordinator asks for about a round: `closing`, N days (1–14) before its
 * closing date, and `minimum`, once its minimum of sent responses is reached. This module holds
 * the rules (when one is due, when one may be asked for) and the mail's text; the scheduler in
 * `server/rounds/reminders.ts` reads the database, asks `dueReminders` and sends.
 */

export type ReminderKind = 'closing' | 'minimum';

export const REMINDER_DAYS = { min: 1, max: 14 } as const;

/** A closing reminder goes out at this time (Dutch), N calendar days before the closing day. */
export const REMINDER_TIME = '08:00:00';

export interface ReminderRound {
	status: 'open' | 'closed';
	closesAt: number | null;
	/** Sent responses so far (the total: the only figure a reminder looks at). */
	submitted: number;
	minRespondents: number;
}

export interface ReminderCandidate {
	id: number;
	kind: ReminderKind;
	daysBefore: number | null;
	/** Claimed by a scheduler run already (sent, or lost in a crash): never again. */
	claimed: boolean;
	/** The account that asked is active and still coordinates the round. */
	recipientAllowed: boolean;
	round: ReminderRound;
}

/**
 * The moment a closing reminder is due: 08:00 Dutch time on the calendar day (in the
 * Netherlands) `daysBefore` days before the day the round closes.
 */
export function closingReminderAt(closesAt: number, daysBefore: number): number {
	return dutchWallClock(addDays(isoDay(closesAt), -daysBefore), REMINDER_TIME).getTime();
}

/** Due at `now`: not claimed, still wanted by someone who may have it, and its moment came. */
export function isDue(c: ReminderCandidate, now: number): boolean {
	if (c.claimed || !c.recipientAllowed) return false;
	if (c.kind === 'minimum') return c.round.submitted >= c.round.minRespondents;
	// A closed round (closed by hand or past its date) sends no "closes soon" mail.
	if (c.round.closesAt === null || c.daysBefore === null) return false;
	if (!isOpen({ status: c.round.status, closesAt: c.round.closesAt }, now)) return false;
	return now >= closingReminderAt(c.round.closesAt, c.daysBefore);
}

/** The ids of the reminders due at `now`. */
export function dueReminders(candidates: readonly ReminderCandidate[], now: number): number[] {
	return candidates.filter((c) => isDue(c, now)).map((c) => c.id);
}

export type ReminderRefusal = { status: 400 | 409; field?: 'daysBefore'; message: string };

/** Why this reminder cannot be asked for now (in Dutch), or null. */
export function reminderRefusal(
	kind: ReminderKind,
	daysBefore: number | null,
	round: ReminderRound,
	now: number
): ReminderRefusal | null {
	if (kind === 'minimum')
		return round.submitted >= round.minRespondents
			? {
					status: 409,
					message: `Het minimum van ${round.minRespondents} verstuurde vragenlijsten is al bereikt.`
				}
			: null;
	if (!isOpen({ status: round.status, closesAt: round.closesAt }, now))
		return { status: 409, message: 'De ronde is gesloten: er komt geen sluitingsdatum meer.' };
	if (round.closesAt === null)
		return {
			status: 409,
			message: 'Deze ronde heeft geen sluitingsdatum. Stel eerst een sluitingsdatum in.'
		};
	if (daysBefore !== null && closingReminderAt(round.closesAt, daysBefore) <= now)
		return {
			status: 400,
			field: 'daysBefore',
			message: `De ronde sluit al binnen ${daysBefore} ${daysBefore === 1 ? 'dag' : 'dagen'}. Kies een kleiner aantal dagen.`
		};
	return null;
}

/** Whole calendar days (Dutch) from `now` to the closing day. */
export function daysUntil(closesAt: number, now: number): number {
	return Math.round((Date.parse(isoDay(closesAt)) - Date.parse(isoDay(now))) / 86_400_000);
}

/** The response rate of sent responses against the team size the coordinator gave. */
export type ResponseRate =
	| { kind: 'rate'; submitted: number; teamSize: number; share: number }
	/** More sent than invited: the team size is out of date (or the link went further). */
	| { kind: 'over'; submitted: number; teamSize: number };

export function responseRate(submitted: number, teamSize: number | null): ResponseRate | null {
	if (teamSize === null || teamSize < 1) return null;
	return submitted > teamSize
		? { kind: 'over', submitted, teamSize }
		: { kind: 'rate', submitted, teamSize, share: submitted / teamSize };
}

/** "12 van 20 uitgenodigden hebben hun antwoorden verstuurd (60%)". */
export function responseRateSentence(rate: ResponseRate): string {
	if (rate.kind === 'over')
		return `Er ${rate.submitted === 1 ? 'is 1 vragenlijst' : `zijn ${rate.submitted} vragenlijsten`} verstuurd: meer dan de ${rate.teamSize} ${rate.teamSize === 1 ? 'uitgenodigde' : 'uitgenodigden'} die u opgaf. Klopt het aantal uitgenodigden nog?`;
	const verb = rate.submitted === 1 ? 'heeft de antwoorden' : 'hebben hun antwoorden';
	return `${rate.submitted} van ${rate.teamSize} ${rate.teamSize === 1 ? 'uitgenodigde' : 'uitgenodigden'} ${verb} verstuurd (${formatPercent(rate.share)})`;
}

/** "12 van 20 (60%)" in a list of rounds. */
export function responseRateShort(rate: ResponseRate): string {
	return rate.kind === 'over'
		? `${rate.submitted} (meer dan de ${rate.teamSize} uitgenodigden)`
		: `${rate.submitted} van ${rate.teamSize} (${formatPercent(rate.share)})`;
}

export interface ReminderMailFacts {
	kind: ReminderKind;
	name: string;
	roundTitle: string;
	unitName: string;
	closesAt: number | null;
	submitted: number;
	minRespondents: number;
	teamSize: number | null;
	/** The round page, when the server knows its own address. */
	link: string | null;
}

/** The reminder's subject and text: the round, its dates and the total sent, nothing else. */
export function reminderMail(f: ReminderMailFacts, now: number): { subject: string; text: string } {
	const title = quoted(f.roundTitle);
	const unit = quoted(f.unitName);
	const rate = responseRate(f.submitted, f.teamSize);
	const sent = `${f.submitted === 1 ? 'is 1 vragenlijst' : `zijn ${f.submitted} vragenlijsten`} verstuurd${rate?.kind === 'rate' ? `, door ${f.submitted} van de ${f.teamSize} uitgenodigden (${formatPercent(rate.share)})` : ''}`;
	const page = f.link
		? ['De link en de uitnodiging voor het team staan op de pagina van de ronde:', f.link, '']
		: [];
	const footer = [
		'U krijgt deze mail omdat u om deze herinnering vroeg. Op de pagina van de ronde kunt u uw herinneringen aanpassen.',
		'',
		'Met vriendelijke groet,',
		'Scan Passend Onderwijs'
	];
	if (f.kind === 'closing' && f.closesAt !== null) {
		const days = daysUntil(f.closesAt, now);
		const when = days <= 0 ? 'vandaag' : days === 1 ? 'morgen' : `over ${days} dagen`;
		return {
			subject: `Herinnering: de ronde ${title} sluit ${when}`,
			text: [
				`Beste ${f.name},`,
				'',
				`De ronde ${title} van ${unit} sluit ${when}, op ${formatDate(f.closesAt, 'weekday')}. Tot nu toe ${sent}. Uitkomsten verschijnen als de ronde gesloten is, vanaf ${f.minRespondents} verstuurde vragenlijsten.`,
				'',
				'Wilt u het team nog eens vragen de scan in te vullen en op "Versturen" te drukken?',
				'',
				...page,
				...footer
			].join('\n')
		};
	}
	return {
		subject: `De ronde ${title} heeft het minimum bereikt`,
		text: [
			`Beste ${f.name},`,
			'',
			`In de ronde ${title} van ${unit} ${sent}: het minimum van ${f.minRespondents} is bereikt. De uitkomsten verschijnen zodra de ronde gesloten is${f.closesAt !== null ? ` (uiterlijk ${formatDate(f.closesAt)})` : ''}.`,
			'',
			...page,
			...footer
		].join('\n')
	};
}
