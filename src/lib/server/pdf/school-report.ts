import { formatDate, formatFixed, formatPercent } from '$lib/domain/format';
import { ACTION_STATUS_LABELS } from '$lib/domain/action-plan';
import { KIND_LABELS, TIMING_LABELS } from '$lib/domain/catalog';
import { VERDICT_LABELS } from '$lib/domain/report';
import type { PlanEntry } from '$lib/domain/action-plan';
import type { SchoolReport } from '$lib/domain/school-report';
import { shareApproach } from '$lib/domain/report-audience';
import { barChart, stackedBarChart } from './charts';
import { companionSection } from './companion-section';
import {
	COLORS,
	DONT_KNOW_COLOR,
	LEVEL_COLORS,
	OPTION_COLORS,
	ReportDocument,
	SERIES_COLORS,
	VERDICT_COLORS
} from './document';

/**
 * The school's PDF report of one round, drawn from the same report model as the results page:
 * cover, summary, one section per theme, recommendations, action plan, texts for the SOP (or the
 * SWV's ondersteuningsplan), a page for the MR (or the OPR and board) and the method. Below the minimum it says so and shows no scores; with 'means'
 * disclosure it shows no distributions, as the page does.
 */

const VERDICTS = ['gaat-goed', 'aandachtspunt', 'risico'] as const;
const VERDICT_HEADINGS = {
	'gaat-goed': 'Gaat goed',
	aandachtspunt: 'Aandachtspunten',
	risico: "Risico's"
} as const;
const pct = formatPercent;

function cover(rd: ReportDocument, m: SchoolReport): void {
	rd.coverBand(m.meta.school ? 'Rapport van de school' : 'Rapport van de eigen scan');
	rd.paragraph(m.meta.school ?? m.unit.name, { size: 20, font: 'bold' });
	if (m.meta.schoolType) rd.paragraph(`School voor ${m.meta.schoolType}`, { muted: true });
	rd.paragraph(`Samenwerkingsverband: ${m.meta.swv}`, { gap: 1.5 });
	const rows: [string, string][] = [
		['Ronde', m.round.title],
		['Vragenlijst', `${m.round.questionnaire}, versie ${m.round.version}`],
		[
			'Periode',
			m.meta.endedAt
				? `${m.meta.opensAt} tot ${m.meta.endedAt}`
				: `sinds ${m.meta.opensAt} (loopt nog)`
		],
		[
			'Respondenten',
			`${m.score.respondents} ${m.score.respondents === 1 ? 'respondent' : 'respondenten'} (uitkomsten vanaf ${m.score.minRespondents})`
		],
		...(m.pending
			? [
					[
						'Nog niet meegeteld',
						`${m.pending.newSince} later verstuurd; de uitkomsten worden bijgewerkt zodra er nog ${m.pending.needed} bij ${m.pending.needed === 1 ? 'komt' : 'komen'}`
					] as [string, string]
				]
			: []),
		['Rapport gemaakt op', m.meta.today]
	];
	rd.table(
		[
			{ header: 'Gegeven', width: 1 },
			{ header: 'Waarde', width: 2.6 }
		],
		rows,
		{ size: 11 }
	);
	rd.paragraph(
		`Dit rapport geeft de uitkomsten van de scan zoals de ${m.words.respondents} die hebben ingevuld: wat goed gaat, ` +
			'welke aandachtspunten er zijn en waar risico’s liggen, met aanbevelingen, het actieplan, teksten ' +
			`voor het ${m.words.plan} en een samenvatting voor de ${m.words.council}. De ` +
			'antwoorden zijn anoniem; open toelichtingen staan er niet in.',
		{ muted: true }
	);
}

function verdictColumns(rd: ReportDocument, m: SchoolReport): void {
	const doc = rd.doc;
	const gap = 10;
	const colW = (rd.width - 2 * gap) / 3;
	const lines = VERDICTS.map((v) =>
		m.summary.verdicts[v].length
			? m.summary.verdicts[v].map((t) => `${t.title} (${t.level?.name})`)
			: ["Geen thema's."]
	);
	doc.font('regular').fontSize(9.5);
	const heights = lines.map(
		(ls) => 34 + ls.reduce((s, l) => s + doc.heightOfString(`• ${l}`, { width: colW - 16 }) + 3, 0)
	);
	const h = Math.max(...heights) + 6;
	rd.ensureSpace(h + 10);
	const y = doc.y;
	VERDICTS.forEach((v, i) => {
		const x = rd.left + i * (colW + gap);
		rd.artifact(() => {
			doc.rect(x, y, colW, h).lineWidth(0.6).strokeColor(COLORS.borderSubtle).stroke();
			doc
				.moveTo(x, y + 2)
				.lineTo(x + colW, y + 2)
				.lineWidth(5)
				.strokeColor(VERDICT_COLORS[v]);
			if (v === 'aandachtspunt') doc.dash(6, { space: 3 });
			if (v === 'risico') doc.dash(2, { space: 2 });
			doc.stroke().undash();
		});
		rd.within('Div', () => {
			rd.tag('H2', () => {
				doc
					.font('bold')
					.fontSize(11.5)
					.fillColor(COLORS.text)
					.text(VERDICT_HEADINGS[v], x + 8, y + 12, { width: colW - 16 });
			});
			doc.y = y + 32;
			rd.within('L', () => {
				for (const l of lines[i]!) {
					rd.within('LI', () =>
						rd.tag('LBody', () => {
							doc
								.font('regular')
								.fontSize(9.5)
								.fillColor(COLORS.text)
								.text(`• ${l}`, x + 8, doc.y, { width: colW - 16 });
						})
					);
					doc.y += 3;
				}
			});
		});
	});
	doc.x = rd.left;
	doc.y = y + h + 12;
}

function summary(rd: ReportDocument, m: SchoolReport): void {
	const s = m.score;
	rd.openSection('Samenvatting', { newPage: true });
	if (s.disclosure === 'means')
		rd.notice(
			'Bij minder dan 5 respondenten tonen we alleen gemiddelden, geen verdelingen van antwoorden.'
		);
	verdictColumns(rd, m);
	if (s.overall.score !== null)
		rd.paragraph(
			`Gemiddeld over alle thema's: ${s.overall.score} van 100 (${s.overall.level?.name}).`,
			{ font: 'bold' }
		);
	themeScoreChart(rd, s.themes, ' De tabel "Per thema" geeft dezelfde cijfers.');
	rd.heading('Per thema', 2);
	rd.table(
		[
			{ header: 'Thema', width: 3.2 },
			{ header: 'Score (0–100)', width: 1.4, align: 'right' },
			{ header: 'Niveau', width: 1.4 },
			{ header: 'Oordeel', width: 1.2 },
			{ header: 'Signalen', width: 1.8 }
		],
		s.themes.map((t) => [
			t.title,
			t.score === null ? '—' : String(t.score),
			t.level?.name ?? 'te weinig antwoorden',
			t.level ? VERDICT_LABELS[t.level.verdict] : '—',
			[
				t.signals.insufficientInsight ? 'onvoldoende zicht' : '',
				t.signals.divergentViews ? 'beelden lopen uiteen' : ''
			]
				.filter(Boolean)
				.join(', ')
		])
	);
	rd.paragraph(
		`Scores van 0 tot 100; "—": te weinig antwoorden om te tonen. Niveaus: ${m.levels.map((l) => `${l.name} ${l.from}–${l.to}`).join(' · ')}. "Onvoldoende zicht": veel "weet ik niet". "Beelden lopen uiteen": de antwoorden liggen ver uit elkaar.`,
		{ muted: true, size: 9 }
	);
	if (m.comparison) {
		const c = m.comparison;
		const spread = (x: (typeof c.themes)[number]['swv']) =>
			x
				? `${formatFixed(x.median ?? 0)} (${formatFixed(x.q1 ?? 0)}–${formatFixed(x.q3 ?? 0)}), ${x.n} scholen`
				: '—';
		rd.heading('Vergelijking', 2);
		rd.table(
			[
				{ header: 'Thema', width: 2.6 },
				{ header: 'Nu', width: 0.6, align: 'right' },
				{
					header: c.previousTitle ? `Vorige ronde (${c.previousTitle})` : 'Vorige ronde',
					width: 1.2,
					align: 'right'
				},
				{ header: 'Verschil', width: 0.8, align: 'right' },
				{ header: 'Scholen in het SWV: middelste score (middelste helft)', width: 1.9 },
				{ header: 'Zelfde schooltype: middelste score (middelste helft)', width: 1.9 }
			],
			c.themes.map((t) => [
				t.title,
				t.score === null ? '—' : String(t.score),
				t.previous === null ? '—' : String(t.previous),
				t.change === null ? '—' : t.change > 0 ? `+${t.change}` : String(t.change),
				spread(t.swv),
				spread(t.sameType)
			])
		);
		rd.paragraph(
			'Alle cijfers zijn scores van 0 tot 100. "Middelste score": zet u de scores van de andere scholen op een rij, dan is dit de score in het midden; de middelste helft van de scholen ligt tussen de twee scores tussen haakjes. "—": geen vorige ronde, of te weinig antwoorden of scholen om te tonen.',
			{ muted: true, size: 9 }
		);
	}
	rd.heading('Sterkste en zwakste stellingen', 2);
	rd.heading('Sterkst', 3);
	rd.bullets(m.summary.strongest.map((x) => `${x.text} (${formatFixed(x.meanOnScale)})`));
	rd.heading('Zwakst', 3);
	rd.bullets(m.summary.weakest.map((x) => `${x.text} (${formatFixed(x.meanOnScale)})`));
	if (s.groups.length) {
		rd.heading('Per functie', 2);
		rd.table(
			[
				{ header: 'Thema', width: 3 },
				...s.groups.map((g) => ({
					header: `${g.label} (${g.respondents})`,
					width: 1.2,
					align: 'right' as const
				}))
			],
			s.themes.map((t, ti) => [t.title, ...s.groups.map((g) => String(g.themes[ti]?.score ?? '—'))])
		);
		rd.figure(
			`Staafdiagram van de score per thema voor ${s.groups.map((g) => g.label).join(' en ')}; de tabel hierboven geeft dezelfde cijfers.`,
			s.themes.length * (s.groups.length * 9 + 8) + 40,
			(x, y, w) =>
				barChart(rd.doc, x, y, w, {
					labels: s.themes.map((t) => t.title),
					barHeight: 9,
					series: s.groups.map((g, k) => ({
						label: `${g.label} (${g.respondents})`,
						values: g.themes.map((t) => t.score),
						color: SERIES_COLORS[k % SERIES_COLORS.length]!,
						dashed: k % 2 === 1
					}))
				})
		);
		if (s.groupsFolded)
			rd.paragraph(
				`Functies met minder dan ${s.minRespondents} respondenten zijn samengevoegd tot "overige respondenten".`,
				{ muted: true, size: 9 }
			);
	} else if (s.groupsFolded) {
		rd.paragraph('Per functie tonen we niets: de groepen zijn te klein om anoniem te blijven.', {
			muted: true,
			size: 9
		});
	}
	rd.closeSection();
}

function themes(rd: ReportDocument, m: SchoolReport): void {
	rd.openSection('Uitkomsten per thema', { newPage: true });
	m.score.themes.forEach((t, index) => {
		rd.openSection(t.title, { level: 2, newPage: index > 0 });
		rd.paragraph(`Thema ${index + 1} van ${m.score.themes.length}`, { muted: true, size: 9 });
		rd.paragraph(
			t.score !== null
				? `Score ${t.score} van 100: ${t.level?.name} (${t.level ? VERDICT_LABELS[t.level.verdict].toLowerCase() : ''}).` +
						(t.dontKnowShare !== null
							? ` "Weet ik niet": ${pct(t.dontKnowShare)} van de antwoorden.`
							: '')
				: 'Te weinig antwoorden voor een score.',
			{ font: 'bold' }
		);
		const signals = [
			t.signals.insufficientInsight ? 'Signaal: onvoldoende zicht (veel "weet ik niet").' : null,
			t.signals.divergentViews
				? 'Signaal: beelden lopen uiteen (de antwoorden liggen ver uit elkaar).'
				: null
		].filter((x): x is string => x !== null);
		for (const line of signals) rd.paragraph(line);
		const options = t.items.find((i) => i.distribution)?.distribution ?? null;
		if (options) {
			rd.figure(
				`Gestapeld staafdiagram van de antwoorden per stelling bij ${t.title}; de tabel eronder geeft dezelfde aantallen.`,
				t.items.length * 19 + 40,
				(x, y, w) =>
					stackedBarChart(rd.doc, x, y, w, {
						labels: t.items.map((_, i) => `Stelling ${i + 1}`),
						series: options.map((o, k) => ({
							label: o.label,
							values: t.items.map((i) => i.distribution?.[k]?.count ?? 0),
							color: o.dontKnow ? DONT_KNOW_COLOR : (OPTION_COLORS[k] ?? COLORS.primary),
							dashed: o.dontKnow
						}))
					})
			);
		}
		rd.table(
			[
				{ header: 'Stelling', width: options ? 4.2 : 6 },
				{ header: 'Gemiddeld (1–4)', width: 1.05, align: 'right' },
				...(options ?? []).map((o) => ({
					header: o.label,
					width: 0.85,
					align: 'right' as const
				})),
				{ header: 'Aantal antwoorden', width: 1, align: 'right' }
			],
			t.items.map((item, k) => [
				`${k + 1}. ${item.text}`,
				item.meanOnScale === null ? '—' : formatFixed(item.meanOnScale),
				...(item.distribution ?? options?.map(() => null) ?? []).map((o) =>
					o ? String(o.count) : '—'
				),
				item.n === null ? '—' : String(item.n)
			]),
			{ size: 8.5 }
		);
		rd.closeSection();
	});
	rd.closeSection();
}

function recommendations(rd: ReportDocument, m: SchoolReport): void {
	const r = m.recommendations;
	rd.openSection('Aan de slag: praktijkvoorbeelden en ondersteuning', { newPage: true });
	if (!r.themes.length && !r.share.length)
		rd.paragraph('Er zijn nog geen thema’s met een score om aanbod bij te zoeken.');
	for (const t of r.themes) {
		rd.heading(`${t.title} (${t.level})`, 2);
		rd.paragraph(`Dit aanbod staat hier ${t.reason}.`, { size: 9.5 });
		if (!t.items.length)
			rd.paragraph('Nog geen aanbod in de catalogus voor dit thema en niveau.', { muted: true });
		for (const { item, timing, why } of t.items) {
			if (item.swv) rd.paragraph('Aanbod van uw samenwerkingsverband', { size: 9.5 });
			rd.linkParagraph(
				item.title,
				item.url,
				`  ${TIMING_LABELS[timing]} · ${KIND_LABELS[item.kind]} · ${item.organiser} · ${item.dateText}`
			);
			const extra = [
				item.contact ? `Contact: ${item.contact}.` : '',
				why.length ? `Waarom dit aanbod: ${why.join('; ')}.` : ''
			]
				.filter(Boolean)
				.join(' ');
			rd.paragraph(
				[item.url ? `${item.description} (${item.url})` : item.description, extra]
					.filter(Boolean)
					.join(' '),
				{ size: 9.5, gap: 0.7 }
			);
		}
	}
	if (r.share.length) {
		rd.heading('Deel uw aanpak', 2);
		rd.paragraph(
			shareApproach(
				m.audience,
				r.share.map((t) => t.title)
			)
		);
	}
	rd.closeSection();
}

function planTable(rd: ReportDocument, plan: readonly PlanEntry[]): void {
	rd.table(
		[
			{ header: 'Thema', width: 2 },
			{ header: 'Actie', width: 3 },
			{ header: 'Trekker', width: 1.4 },
			{ header: 'Uiterlijk', width: 1.1 },
			{ header: 'Stand', width: 0.8 }
		],
		plan.map((a) => [
			a.theme,
			a.action,
			a.owner,
			a.dueOn ? formatDate(a.dueOn) : '—',
			ACTION_STATUS_LABELS[a.status]
		])
	);
}

function actionPlan(rd: ReportDocument, m: SchoolReport): void {
	rd.openSection('Actieplan');
	if (m.plan.length) planTable(rd, m.plan);
	else rd.paragraph('Nog geen actieplan bij deze ronde.');
	if (m.previous?.plan.length) {
		rd.heading(`Actieplan uit de vorige ronde (${m.previous.title})`, 2);
		planTable(rd, m.previous.plan);
	}
	rd.closeSection();
}

function sop(rd: ReportDocument, m: SchoolReport): void {
	if (!m.sop.length) return;
	// Straight after the action plan (often a few lines): no page left mostly empty.
	rd.openSection(m.words.planTextsHeading);
	rd.paragraph(
		'Per thema volgt hieronder een tekst in gewone taal, geschreven uit de scores en niveaus van deze scan. ' +
			(m.audience === 'school'
				? 'U kunt hem overnemen in het schoolondersteuningsprofiel (SOP) en aanvullen met wat de school zelf weet.'
				: 'U kunt hem overnemen in het ondersteuningsplan of het jaarverslag en aanvullen met wat het samenwerkingsverband zelf weet.')
	);
	// The texts follow each other: one short text per page left most of each page empty.
	for (const t of m.sop) {
		rd.openSection(t.title, { level: 2 });
		for (const p of t.paragraphs) rd.paragraph(p);
		rd.closeSection();
	}
	rd.closeSection();
}

function mr(rd: ReportDocument, m: SchoolReport): void {
	rd.openSection(m.words.summaryHeading, { newPage: true });
	rd.paragraph(`${m.meta.school ?? m.unit.name} · ${m.round.title} · ${m.meta.today}`, {
		muted: true
	});
	for (const b of m.mr) {
		rd.heading(b.heading, 2);
		for (const p of b.paragraphs) rd.paragraph(p);
		if (b.bullets) rd.bullets(b.bullets);
	}
	rd.closeSection();
}

function method(rd: ReportDocument, m: SchoolReport): void {
	rd.openSection('Bijlage: werkwijze', { newPage: true });
	for (const b of m.method) {
		rd.heading(b.heading, 2);
		for (const p of b.paragraphs) rd.paragraph(p);
		if (b.bullets) rd.bullets(b.bullets);
	}
	rd.closeSection();
}

/** The scores per theme as bars in the level colours, the level named in each label (as on the web). */
export function themeScoreChart(
	rd: ReportDocument,
	themes: readonly {
		title: string;
		score: number | null;
		level: { id: string; name: string } | null;
	}[],
	note = ''
): void {
	const scored = themes.filter((t) => t.score !== null);
	if (!scored.length) return;
	rd.figure(
		`Staafdiagram van de score per thema: ${scored.map((t) => `${t.title} ${t.score} (${t.level?.name})`).join('; ')}.${note}`,
		scored.length * 24 + 24,
		(x, y, w) =>
			barChart(rd.doc, x, y, w, {
				labels: scored.map((t) => `${t.title} — ${t.level?.name}`),
				series: [
					{
						label: 'Score (0–100)',
						values: scored.map((t) => t.score),
						color: scored.map((t) => LEVEL_COLORS[t.level?.id ?? ''] ?? COLORS.primary)
					}
				],
				barHeight: 14
			})
	);
}

export async function renderSchoolReport(m: SchoolReport): Promise<Buffer> {
	const who = m.meta.school ?? m.unit.name;
	const rd = new ReportDocument({
		title: `Scan Passend Onderwijs: ${who}, ${m.round.title}`,
		author: who,
		subject: `Uitkomsten van de ${m.round.questionnaire} (versie ${m.round.version}), ${m.meta.period}`,
		keywords: `passend onderwijs, scan, ${m.words.plan}`,
		header: `Scan Passend Onderwijs · ${who} · ${m.round.title}`
	});
	cover(rd, m);
	if (m.state === 'open') {
		rd.openSection('Uitkomsten', { newPage: true });
		rd.notice(
			`De ronde loopt nog: uitkomsten verschijnen als de ronde gesloten is, vanaf ${m.score.minRespondents} verstuurde vragenlijsten. ` +
				`Tot nu toe ${m.score.respondents === 1 ? 'is 1 vragenlijst' : `zijn ${m.score.respondents} vragenlijsten`} verstuurd.`
		);
		rd.closeSection();
		actionPlan(rd, m);
	} else if (m.score.disclosure === 'hidden') {
		rd.openSection('Uitkomsten', { newPage: true });
		rd.notice(
			`Te weinig respondenten: de uitkomsten worden pas getoond vanaf ${m.score.minRespondents} respondenten. ` +
				`Er ${m.score.respondents === 1 ? 'heeft' : 'hebben'} ${m.score.respondents} ${m.score.respondents === 1 ? 'persoon' : 'mensen'} geantwoord; nog ${m.score.needed} nodig.`
		);
		rd.closeSection();
		actionPlan(rd, m);
	} else {
		summary(rd, m);
		themes(rd, m);
		recommendations(rd, m);
		actionPlan(rd, m);
		sop(rd, m);
	}
	// Parents (companions) whose own round shows figures; no section otherwise.
	for (const c of m.companions) companionSection(rd, c);
	mr(rd, m);
	method(rd, m);
	return rd.finish();
}
