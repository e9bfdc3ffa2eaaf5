import type { BoardReport } from '$lib/domain/swv/board-report';
import { ReportDocument } from './document';
import { ownScanTable } from './swv-report';

/**
 * The bestuursrapportage as a PDF of one or two pages, for the board and the OPR: what the SWV's
 * schools show per theme against the norm, what changed since last school year, and the SWV's
 * own scan beside it. The full SWV report has the details.
 */
export async function renderBoardReport(m: BoardReport): Promise<Buffer> {
	const rd = new ReportDocument({
		title: `Bestuursrapportage passend onderwijs: ${m.swv.name}`,
		author: m.swv.name,
		subject: `Bestuursrapportage van ${m.swv.name} voor het bestuur en de ondersteuningsplanraad, ${m.meta.today}`,
		keywords: 'passend onderwijs, samenwerkingsverband, bestuursrapportage, ondersteuningsplanraad',
		header: `Bestuursrapportage · ${m.swv.name} · ${m.meta.today}`
	});
	rd.openSection('Bestuursrapportage passend onderwijs');
	rd.paragraph(`${m.swv.name} (${m.swv.code}) · ${m.meta.today}`, { muted: true });
	rd.paragraph(
		'Voor het bestuur en de ondersteuningsplanraad: hoe de scholen van het samenwerkingsverband er volgens hun eigen scan voor staan, tegen de norm die het samenwerkingsverband voor de basisondersteuning heeft afgesproken, en hoe het samenwerkingsverband zichzelf beoordeelt.',
		{ size: 10 }
	);
	rd.heading('In het kort', 2);
	rd.bullets(m.highlights);
	rd.heading('Deelname', 2);
	rd.bullets(m.participation);
	rd.heading('Per thema tegen de norm', 2);
	rd.paragraph(
		`Mediaan per schooltype (scholen van verschillende typen beantwoorden deels andere stellingen). "Sinds ${m.change.previousYear}": scholen met een gedeelde ronde in beide schooljaren, per school vergeleken met zichzelf.`,
		{ size: 9, muted: true }
	);
	rd.table(
		[
			{ header: 'Thema', width: 2.4 },
			{ header: 'Norm', width: 1.1 },
			{ header: 'Op of boven de norm', width: 1.1 },
			{ header: 'Mediaan per type', width: 1.7 },
			{ header: `Niveau sinds ${m.change.previousYear}`, width: 1.6 }
		],
		m.themes.map((t) => [t.title, t.norm, t.meetingNorm, t.medians, t.change]),
		{ size: 8.5 }
	);
	rd.closeSection();
	rd.openSection('Eigen scan van het samenwerkingsverband');
	const s = m.ownScan;
	if (!s) rd.paragraph('Er is nog geen afgeronde ronde van de SWV-scan.');
	else if (s.hidden) rd.paragraph(`${s.title}: te weinig respondenten om uitkomsten te tonen.`);
	else {
		rd.paragraph(`${s.title}, afgerond ${s.finishedAt}, ${s.respondents} respondenten.`, {
			size: 9,
			muted: true
		});
		ownScanTable(rd, s.themes, 8.5);
	}
	rd.closeSection();
	return rd.finish();
}
