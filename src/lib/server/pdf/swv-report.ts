import { formatDate, formatNumber } from '$lib/domain/format';
import { LEVEL_ABBREVIATIONS, type SwvReport } from '$lib/domain/swv-report';
import { barChart, boxPlot, stackedBarChart } from './charts';
import { COLORS, LEVEL_COLORS, ReportDocument, SERIES_COLORS } from './document';
import { themeScoreChart } from './school-report';

/**
 * The SWV's PDF report, drawn from the same overview, spread, trend and benchmark as the SWV
 * pages: participation, the schools × themes table against the norm, the distribution and spread
 * per theme, the trend over school years, the SWV's own scan and the sector benchmark.
 */

const one = formatNumber;

function cover(rd: ReportDocument, m: SwvReport): void {
	rd.coverBand('Rapport van het samenwerkingsverband');
	rd.paragraph(m.swv.name, { size: 20, font: 'bold' });
	rd.paragraph(`${m.swv.code} · ${m.swv.sector.toUpperCase()}`, { muted: true });
	const p = m.overview.participation;
	rd.table(
		[
			{ header: 'Gegeven', width: 1.2 },
			{ header: 'Waarde', width: 2.4 }
		],
		[
			['Datum', m.meta.today],
			['Vragenlijst', `${m.questionnaire.title} (thema's van versie ${m.questionnaire.version})`],
			['Scholen', String(p.schools)],
			['Met gedeelde uitkomsten', String(p.withScores)],
			[
				'Eigen scan',
				m.ownScan
					? `${m.ownScan.title}, ${m.ownScan.respondents} respondenten`
					: 'nog geen afgeronde ronde'
			]
		]
	);
}

function participation(rd: ReportDocument, m: SwvReport): void {
	const p = m.overview.participation;
	rd.openSection('Deelname', { newPage: true });
	rd.bullets([
		`${p.schools} scholen, ${p.started} met minstens één ronde`,
		`${p.open} met een ronde die nu loopt`,
		`${p.withScores} met gedeelde uitkomsten`,
		`${p.notShared} niet gedeeld; ${p.tooFew} met te weinig respondenten`,
		`${p.notStarted.length} nog nooit gestart${p.notStarted.length ? `: ${p.notStarted.map((s) => s.name).join(', ')}` : ''}`
	]);
	rd.table(
		[
			{ header: 'School', width: 2.6 },
			{ header: 'Type', width: 0.6 },
			{ header: 'Rondes', width: 0.7, align: 'right' },
			{ header: 'Laatste ronde', width: 1.3 },
			{ header: 'Ingeleverd', width: 0.9, align: 'right' }
		],
		m.overview.rows.map((r) => [
			r.school.name,
			r.school.schoolType.toUpperCase(),
			String(r.school.rounds),
			r.school.lastRoundAt ? formatDate(r.school.lastRoundAt, 'short') : '—',
			r.school.lastRespondents === null ? '—' : String(r.school.lastRespondents)
		])
	);
	rd.closeSection();
}

function overviewTable(rd: ReportDocument, m: SwvReport): void {
	const o = m.overview;
	rd.openSection("Scholen × thema's", { newPage: true });
	rd.paragraph(
		`Per school de score (0–100) en het niveau van de laatste gedeelde, afgeronde ronde: ${m.levels
			.map((l) => `${LEVEL_ABBREVIATIONS[l.id] ?? l.id} = ${l.name}`)
			.join(', ')}; * = onder de norm van het samenwerkingsverband.`,
		{ size: 9.5 }
	);
	rd.bullets(
		o.themes.map((t, i) => `T${i + 1}: ${t.title} (norm: ${t.norm?.name.toLowerCase() ?? 'geen'})`)
	);
	const rows = o.rows.map((r) => [
		r.school.name,
		...(r.cells
			? r.cells.map((c) => m.cellText(c))
			: o.themes.map((_, i) => (i === 0 ? (r.status ?? '') : '')))
	]);
	const footer = [
		['Mediaan', ...o.themes.map((t) => one(o.footer[t.id]?.median))],
		['Kwartiel 25%', ...o.themes.map((t) => one(o.footer[t.id]?.q1))],
		['Kwartiel 75%', ...o.themes.map((t) => one(o.footer[t.id]?.q3))],
		['Scholen met score', ...o.themes.map((t) => String(o.footer[t.id]?.n ?? 0))]
	];
	rd.table(
		[
			{ header: 'School', width: 3 },
			...o.themes.map((_, i) => ({ header: `T${i + 1}`, width: 0.75, align: 'right' as const }))
		],
		[...rows, ...footer],
		{ size: 8.5 }
	);
	rd.closeSection();
}

function distributions(rd: ReportDocument, m: SwvReport): void {
	const o = m.overview;
	rd.openSection('Verdeling en spreiding per thema', { newPage: true });
	rd.heading('Aantal scholen per niveau', 2);
	rd.figure(
		`Gestapeld staafdiagram: per thema het aantal scholen per niveau. ${o.themes
			.map(
				(t) =>
					`${t.title}: ${m.levels.map((l) => `${o.footer[t.id]?.levels[l.id] ?? 0} ${l.name}`).join(', ')}`
			)
			.join('; ')}.`,
		o.themes.length * 22 + 50,
		(x, y, w) =>
			stackedBarChart(rd.doc, x, y, w, {
				labels: o.themes.map((t) => t.title),
				labelWidth: 150,
				series: m.levels.map((l) => ({
					label: l.name,
					color: LEVEL_COLORS[l.id] ?? COLORS.primary,
					values: o.themes.map((t) => o.footer[t.id]?.levels[l.id] ?? 0)
				}))
			})
	);
	rd.heading('Spreiding van de schoolscores', 2);
	rd.paragraph(
		'Elke stip is een school; het vak loopt van het eerste tot het derde kwartiel, de streep is de mediaan.',
		{ size: 9.5, muted: true }
	);
	const rows = o.themes.flatMap((t) => {
		const f = o.footer[t.id];
		if (!f || f.n === 0) return [];
		return [
			{
				label: t.title,
				values: o.rows.flatMap((r) => {
					const c = r.cells?.find((x) => x.themeId === t.id);
					return c && c.score !== null ? [c.score] : [];
				}),
				q1: f.q1!,
				median: f.median!,
				q3: f.q3!
			}
		];
	});
	if (rows.length)
		rd.figure(
			`Spreiding per thema: ${rows.map((r) => `${r.label} mediaan ${one(r.median)}, kwartielen ${one(r.q1)}–${one(r.q3)}`).join('; ')}.`,
			rows.length * 20 + 30,
			(x, y, w) => boxPlot(rd.doc, x, y, w, { rows, labelWidth: 150 })
		);
	rd.closeSection();
}

function trend(rd: ReportDocument, m: SwvReport): void {
	rd.openSection('Ontwikkeling per schooljaar', { newPage: true });
	if (!m.trend.length) {
		rd.paragraph('Nog geen gedeelde, afgeronde rondes.');
		rd.closeSection();
		return;
	}
	const themes = m.overview.themes;
	// The chart shows the last five school years (it has to fit a page); the table shows all.
	const years = m.trend.slice(-5);
	rd.figure(
		`Staafdiagram van de mediaan per thema per schooljaar: ${years.map((y) => `${y.year} (${y.schools} scholen)`).join(', ')}. De tabel eronder geeft de cijfers.`,
		themes.length * years.length * 12 + themes.length * 8 + 60,
		(x, y, w) =>
			barChart(rd.doc, x, y, w, {
				labels: themes.map((t) => t.title),
				series: years.map((yr, k) => ({
					label: `${yr.year} (${yr.schools} scholen)`,
					color: SERIES_COLORS[k % SERIES_COLORS.length]!,
					dashed: k % 2 === 1,
					values: themes.map((t) => yr.medians[t.id] ?? null)
				})),
				barHeight: 10
			})
	);
	rd.table(
		[
			{ header: 'Thema', width: 2.6 },
			...m.trend.map((y) => ({ header: y.year, width: 1, align: 'right' as const }))
		],
		themes.map((t) => [t.title, ...m.trend.map((y) => one(y.medians[t.id]))])
	);
	rd.closeSection();
}

function ownScan(rd: ReportDocument, m: SwvReport): void {
	rd.openSection('Eigen scan van het samenwerkingsverband', { newPage: true });
	const s = m.ownScan;
	if (!s) rd.paragraph('Er is nog geen afgeronde ronde van de SWV-scan.');
	else {
		rd.paragraph(
			`${s.title} · ${s.questionnaire} · afgerond ${s.finishedAt} · ${s.respondents} respondenten`,
			{ muted: true }
		);
		if (s.hidden)
			rd.notice(
				`Te weinig respondenten: de uitkomsten worden pas getoond vanaf ${s.minRespondents} respondenten.`
			);
		else {
			themeScoreChart(rd, s.themes);
			rd.table(
				[
					{ header: 'Thema', width: 3 },
					{ header: 'Score (0–100)', width: 1, align: 'right' },
					{ header: 'Niveau', width: 1.4 }
				],
				s.themes.map((t) => [
					t.title,
					t.score === null ? '—' : String(t.score),
					t.level?.name ?? 'te weinig antwoorden'
				])
			);
		}
	}
	rd.closeSection();
}

function benchmark(rd: ReportDocument, m: SwvReport): void {
	rd.openSection(`Vergelijking met de samenwerkingsverbanden in het ${m.swv.sector.toUpperCase()}`);
	rd.paragraph(
		'Elk samenwerkingsverband telt met de mediaan van zijn scholen, alleen met minstens vijf scholen met een score; de sector wordt alleen getoond als minstens vijf samenwerkingsverbanden meetellen.',
		{ size: 9.5, muted: true }
	);
	rd.table(
		[
			{ header: 'Thema', width: 2.6 },
			{ header: 'Dit SWV', width: 0.9, align: 'right' },
			{ header: 'Sector: mediaan', width: 1, align: 'right' },
			{ header: 'Sector: kwartielen', width: 1.2, align: 'right' },
			{ header: "SWV's", width: 0.7, align: 'right' }
		],
		m.overview.themes.map((t) => {
			const b = m.benchmark.themes[t.id];
			return [
				t.title,
				one(b?.own),
				b?.sector ? one(b.sector.median) : 'te weinig',
				b?.sector ? `${one(b.sector.q1)}–${one(b.sector.q3)}` : 'te weinig',
				String(b?.units ?? 0)
			];
		})
	);
	rd.closeSection();
}

export async function renderSwvReport(m: SwvReport): Promise<Buffer> {
	const rd = new ReportDocument({
		title: `Scan Passend Onderwijs: ${m.swv.name}`,
		author: m.swv.name,
		subject: `Uitkomsten van de scholen van ${m.swv.name} en de eigen scan, ${m.meta.today}`,
		keywords: 'passend onderwijs, samenwerkingsverband, scan',
		header: `Scan Passend Onderwijs · ${m.swv.name}`
	});
	cover(rd, m);
	participation(rd, m);
	overviewTable(rd, m);
	distributions(rd, m);
	trend(rd, m);
	ownScan(rd, m);
	benchmark(rd, m);
	return rd.finish();
}
