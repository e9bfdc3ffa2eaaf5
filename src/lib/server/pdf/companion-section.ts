import { formatFixed } from '$lib/domain/format';
import type { CompanionReport } from '$lib/domain/companion';
import { barChart } from './charts';
import { type ReportDocument, SERIES_COLORS } from './document';

/**
 * "Wat ouders zeggen" in the school's PDF: per shared theme the team's and the parents' scores
 * side by side (chart and table), then the parents' statements that passed their own minimum.
 * Only for a companion whose round shows figures; never its comments.
 */
export function companionSection(rd: ReportDocument, c: CompanionReport): void {
	if (!c.shown || !c.sideBySide) return;
	const who = c.label.toLowerCase();
	const dash = (x: number | null) => (x === null ? '—' : String(x));
	rd.openSection(`Wat ${who} zeggen`, { newPage: true });
	rd.paragraph(
		`${c.respondents} ${who} vulden ${c.title} in (uitkomsten vanaf ${c.minRespondents}). Per thema staat de score van het team naast die van ${who}, op dezelfde schaal van 0 tot 100. Open toelichtingen van ${who} staan niet in dit rapport.`
	);
	const rows = c.sideBySide.mapped;
	if (rows.length) {
		rd.figure(
			`Staafdiagram van de score per thema van het team en van ${who}: ${rows.map((r) => `${r.title}: team ${dash(r.team)}, ${who} ${dash(r.companion)}`).join('; ')}.`,
			rows.length * 36 + 40,
			(x, y, w) =>
				barChart(rd.doc, x, y, w, {
					labels: rows.map((r) => r.title),
					series: [
						{ label: 'Team', values: rows.map((r) => r.team), color: SERIES_COLORS[0]! },
						{
							label: c.label,
							values: rows.map((r) => r.companion),
							color: SERIES_COLORS[1]!,
							dashed: true
						}
					],
					barHeight: 12
				})
		);
	}
	rd.table(
		[
			{ header: 'Thema', width: 3 },
			{ header: 'Team', width: 1, align: 'right' },
			{ header: c.label, width: 1, align: 'right' }
		],
		[
			...rows.map((r) => [r.title, dash(r.team), dash(r.companion)]),
			...c.sideBySide.own.map((r) => [`${r.title} (alleen ${who})`, '—', dash(r.score)])
		],
		{ size: 10 }
	);
	for (const t of c.themes) {
		rd.heading(
			`${t.title}: ${t.score === null ? 'te weinig antwoorden' : `${t.score} van 100`}`,
			2
		);
		rd.table(
			[
				{ header: 'Stelling', width: 5 },
				{ header: 'Gemiddeld (1–4)', width: 1.1, align: 'right' },
				{ header: 'Aantal antwoorden', width: 1.1, align: 'right' }
			],
			t.items.map((item, k) => [
				`${k + 1}. ${item.text}`,
				item.meanOnScale === null ? '—' : formatFixed(item.meanOnScale),
				item.n === null ? '—' : String(item.n)
			]),
			{ size: 9 }
		);
	}
	rd.closeSection();
}
