/**
 * The ready invitation a coordinator pastes into a mail or a Teams message: the link, how long it
 * takes, the closing date and the anonymity promise, addressed with "u" like the rest of the app.
 */
export interface InvitationFacts {
	unitName: string;
	link: string;
	minutes: number;
	minRespondents: number;
	closesAt: Date | null;
}

const longDate = (d: Date) =>
	d.toLocaleDateString('nl-NL', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Amsterdam'
	});

export function invitationText(f: InvitationFacts): string {
	return [
		"Beste collega's,",
		'',
		`Hoe ver is ${f.unitName} met passend onderwijs? Wilt u daarvoor de Scan Passend Onderwijs invullen? Het kost ongeveer ${f.minutes} minuten${f.closesAt ? `; de scan staat open tot en met ${longDate(f.closesAt)}` : ''}.`,
		'',
		f.link,
		'',
		`U vult de scan anoniem in: er wordt geen naam of e-mailadres gevraagd. Uitkomsten verschijnen pas als de ronde gesloten is en minstens ${f.minRespondents} collega's hun antwoorden hebben verstuurd, zodat niemands antwoorden herkenbaar zijn.`,
		'',
		'Druk aan het eind op "Versturen": pas dan tellen uw antwoorden mee. De uitkomsten bespreken we samen.',
		'',
		'Met vriendelijke groet,'
	].join('\n');
}
