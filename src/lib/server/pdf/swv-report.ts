import { formatDate, formatNumber } from '$lib/domain/format';
import { LEVEL_ABBREVIATIONS, type SwvReport } from '$lib/domain/swv/report';
import { barChart, boxPlot, stackedBarChart } from './charts';
import type { SpreadSummary } from '$lib/domain/aggregate';
import { LEVEL_TINTS } from '$lib/domain/colors';
import { SCHOOL_TYPE_LABELS } from '$lib/domain/school-type';
import { spreadMarks } from '$lib/domain/swv/per-type';
import { trendGroups, trendLines, type TrendYear } from '$lib/domain/swv/trend';
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

/** The footer rows of one group of schools: median, quartiles and how many have a score. */
function spreadRows(
	label: string,
	themes: SwvReport['overview']['themes'],
	spread: (themeId: string) => SpreadSummary | null | undefined,
	different = 'andere stellingen'
): string[][] {
	const cell = (id: string, f: (x: SpreadSummary) => string) => {
		const x = spread(id);
		return x === null ? different : x && x.n ? f(x) : '—';
	};
	return [
		[`${label}: mediaan`, ...themes.map((t) => cell(t.id, (x) => one(x.median)))],
		[
			`${label}: kwartielen`,
			...themes.map((t) => cell(t.id, (x) => (x.n > 1 ? `${one(x.q1)}–${one(x.q3)}` : '—')))
		],
		[`${label}: scholen`, ...themes.map((t) => cell(t.id, (x) => String(x.n)))]
	];
}

/** One schools × themes table: the cells in the level colours, with the letters kept. */
function matrix(
	rd: ReportDocument,
	m: SwvReport,
	rows: SwvReport['overview']['rows'],
	footer: string[][]
): void {
	const o = m.overview;
	const body = rows.map((r) => [
		r.school.name,
		...(r.cells
			? r.cells.map((c) => m.cellText(c))
			: o.themes.map((_, i) => (i === 0 ? (r.status ?? '') : '')))
	]);
	rd.table(
		[
			{ header: 'School', width: 3 },
			...o.themes.map((_, i) => ({ header: `T${i + 1}`, width: 0.75, align: 'right' as const }))
		],
		[...body, ...footer],
		{
			size: 8.5,
			footerRows: footer.length,
			fill: (row, column) => {
				const level = column > 0 ? rows[row]?.cells?.[column - 1]?.level : null;
				return level ? (LEVEL_TINTS[level.id] ?? null) : null;
			}
		}
	);
}

function overviewTable(rd: ReportDocument, m: SwvReport): void {
	const o = m.overview;
	rd.openSection("Scholen × thema's", { newPage: true });
	rd.paragraph(
		`Per school de score (0–100) en het niveau van de laatste gedeelde, afgeronde ronde: ${m.levels
			.map((l) => `${LEVEL_ABBREVIATIONS[l.id] ?? l.id} = ${l.name}`)
			.join(
				', '
			)}; * = onder de norm van het samenwerkingsverband. De kleur van een cel is die van het niveau; de letter zegt hetzelfde.`,
		{ size: 9.5 }
	);
	rd.bullets(
		o.themes.map((t, i) => `T${i + 1}: ${t.title} (norm: ${t.norm?.name.toLowerCase() ?? 'geen'})`)
	);
	const types = o.perType.types;
	const label = (t: (typeof types)[number]) => t.type.toUpperCase();
	const pooled = o.perType.pooled;
	if (pooled && Object.values(pooled).some((x) => x === null)) {
		// The types answer different statements on some themes: a page per type, its own figures.
		rd.paragraph(
			"Scholen van verschillende typen beantwoorden bij sommige thema's andere stellingen; daarom staat elk schooltype op een eigen pagina, met zijn eigen mediaan en kwartielen.",
			{ size: 9.5, muted: true }
		);
		types.forEach((t, k) => {
			rd.openSection(`Scholen × thema's: ${SCHOOL_TYPE_LABELS[t.type]} (${label(t)})`, {
				level: 2,
				newPage: k > 0
			});
			matrix(
				rd,
				m,
				o.rows.filter((r) => r.school.schoolType === t.type),
				spreadRows(label(t), o.themes, (id) => t.spread[id])
			);
			rd.closeSection();
		});
	} else {
		matrix(rd, m, o.rows, [
			...types.flatMap((t) => spreadRows(label(t), o.themes, (id) => t.spread[id])),
			...(pooled ? spreadRows('Alle typen', o.themes, (id) => pooled[id]) : [])
		]);
	}
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
		"Elke stip is een school; het vak loopt van het eerste tot het derde kwartiel, de streep is de mediaan. Per schooltype een eigen regel; over alle typen alleen bij thema's waar de typen dezelfde stellingen beantwoorden.",
		{ size: 9.5, muted: true }
	);
	const rows = o.themes.flatMap((t) =>
		spreadMarks(o.perType, t.id).flatMap((mk) =>
			mk.n === 0
				? []
				: [
						{
							label: `${t.title} (${mk.type ? mk.label : 'alle typen, zelfde stellingen'})`,
							values: o.rows.flatMap((r) => {
								if (mk.type && r.school.schoolType !== mk.type) return [];
								const c = r.cells?.find((x) => x.themeId === t.id);
								return c && c.score !== null ? [c.score] : [];
							}),
							q1: mk.q1!,
							median: mk.median!,
							q3: mk.q3!
						}
					]
		)
	);
	if (rows.length)
		rd.figure(
			`Spreiding per thema: ${rows.map((r) => `${r.label} mediaan ${one(r.median)}, kwartielen ${one(r.q1)}–${one(r.q3)}`).join('; ')}.`,
			rows.length * 20 + 30,
			(x, y, w) => boxPlot(rd.doc, x, y, w, { rows, labelWidth: 190 })
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
	// Per school type; over all types only where they answer the same statements (as on the page).
	const lines = trendLines(m.overview.themes, m.trend);
	const yearText = (y: TrendYear) =>
		`${y.year} (${y.types.map((x) => `${x.type.toUpperCase()} ${x.schools}`).join(', ')} scholen)`;
	// The chart shows the last five school years (it has to fit a page); the table shows all.
	const years = m.trend.slice(-5);
	const skip = m.trend.length - years.length;
	// A chart per school type, so that each fits a page.
	for (const g of trendGroups(lines)) {
		rd.heading(g.label, 3);
		rd.figure(
			`Staafdiagram van de mediaan per thema en schooljaar, per schooltype; over alle typen alleen bij dezelfde stellingen. ${g.label}: ${years.map(yearText).join(', ')}. De tabel eronder geeft de cijfers.`,
			g.lines.length * years.length * 8 + g.lines.length * 8 + 60,
			(x, y, w) =>
				barChart(rd.doc, x, y, w, {
					labels: g.lines.map((l) => l.label),
					series: years.map((yr, k) => ({
						label: yearText(yr),
						color: SERIES_COLORS[k % SERIES_COLORS.length]!,
						dashed: k % 2 === 1,
						values: g.lines.map((l) => l.values[skip + k] ?? null)
					})),
					barHeight: 8
				})
		);
	}
	rd.table(
		[
			{ header: 'Thema (schooltype)', width: 2.6 },
			...m.trend.map((y) => ({ header: y.year, width: 1, align: 'right' as const }))
		],
		lines.map((l) => [l.label, ...l.values.map((v) => one(v))])
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
			ownScanTable(rd, s.themes);
		}
	}
	rd.closeSection();
}

/** The SWV's own scan per theme: score and level. */
export function ownScanTable(
	rd: ReportDocument,
	themes: readonly { title: string; score: number | null; level: { name: string } | null }[],
	size = 9
): void {
	rd.table(
		[
			{ header: 'Thema', width: 3 },
			{ header: 'Score (0–100)', width: 1, align: 'right' },
			{ header: 'Niveau', width: 1.4 }
		],
		themes.map((t) => [
			t.title,
			t.score === null ? '—' : String(t.score),
			t.level?.name ?? 'te weinig antwoorden'
		]),
		{ size }
	);
}

function benchmark(rd: ReportDocument, m: SwvReport): void {
	rd.openSection(`Vergelijking met de samenwerkingsverbanden in het ${m.swv.sector.toUpperCase()}`);
	rd.paragraph(
		"Per schooltype telt elk samenwerkingsverband met de mediaan van zijn scholen van dat type, alleen met minstens vijf van die scholen met een score; de sector wordt alleen getoond als minstens vijf samenwerkingsverbanden meetellen. Schooltypen die andere stellingen beantwoorden, worden niet samengenomen; alle typen samen alleen bij thema's met dezelfde stellingen.",
		{ size: 9.5, muted: true }
	);
	rd.table(
		[
			{ header: 'Thema', width: 2.2 },
			{ header: 'Type', width: 1.3 },
			{ header: 'Dit SWV', width: 0.8, align: 'right' },
			{ header: 'Sector: mediaan', width: 1, align: 'right' },
			{ header: 'Sector: kwartielen', width: 1.1, align: 'right' },
			{ header: "SWV's", width: 0.6, align: 'right' }
		],
		m.overview.themes.flatMap((t) =>
			m.benchmark.lines
				.filter((b) => b.themeId === t.id)
				.map((b) => [
					t.title,
					b.label,
					one(b.own),
					b.sector ? one(b.sector.median) : 'te weinig',
					b.sector ? `${one(b.sector.q1)}–${one(b.sector.q3)}` : 'te weinig',
					String(b.units)
				])
		)
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
