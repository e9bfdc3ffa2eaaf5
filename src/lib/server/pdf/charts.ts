import { HIGHLIGHT_COLOR, takesWhiteText } from '$lib/domain/colors';
import { COLORS } from './document';

/**
 * Vector charts drawn with pdfkit's own drawing API, in the web's colours. Each takes the top-left
 * corner and the width, draws, and returns the height it used, so a caller (ReportDocument.figure)
 * can wrap it in a tagged Figure with its text alternative. Series differ in label and border
 * (dashed), not only in colour, as on the web.
 */

type Doc = PDFKit.PDFDocument;

export interface Series {
	label: string;
	/** One colour for the series, or one per row. */
	color: string | string[];
	dashed?: boolean;
	values: (number | null)[];
}

const LABEL_SIZE = 8.5;

function labelHeights(doc: Doc, labels: readonly string[], width: number): number[] {
	doc.font('regular').fontSize(LABEL_SIZE);
	return labels.map((l) => doc.heightOfString(l, { width }));
}

function axis(
	doc: Doc,
	x0: number,
	y: number,
	plotWidth: number,
	height: number,
	max: number,
	ticks: readonly number[]
): void {
	doc.font('regular').fontSize(7.5).fillColor(COLORS.muted);
	for (const t of ticks) {
		const tx = x0 + (t / max) * plotWidth;
		doc
			.moveTo(tx, y)
			.lineTo(tx, y + height)
			.lineWidth(0.4)
			.strokeColor(COLORS.borderSubtle)
			.stroke();
		doc.text(String(t), tx - 15, y + height + 2, { width: 30, align: 'center', lineBreak: false });
	}
	doc
		.moveTo(x0, y)
		.lineTo(x0, y + height)
		.lineWidth(0.8)
		.strokeColor(COLORS.border)
		.stroke();
}

function bar(
	doc: Doc,
	x: number,
	y: number,
	w: number,
	h: number,
	color: string,
	dashed = false
): void {
	if (w <= 0) return;
	doc.rect(x, y, w, h).fill(color);
	doc.rect(x, y, w, h).lineWidth(0.6).strokeColor(COLORS.text);
	if (dashed) doc.dash(2.5, { space: 2 });
	doc.stroke();
	doc.undash();
}

/** A legend: a swatch (dashed when the series is) and the label for each series. */
export function legend(
	doc: Doc,
	x: number,
	y: number,
	width: number,
	series: readonly Pick<Series, 'label' | 'color' | 'dashed'>[]
): number {
	doc.font('regular').fontSize(LABEL_SIZE);
	let cx = x;
	let cy = y;
	for (const s of series) {
		const w = 16 + doc.widthOfString(s.label) + 14;
		if (cx + w > x + width && cx > x) {
			cx = x;
			cy += 14;
		}
		bar(doc, cx, cy + 1, 10, 8, typeof s.color === 'string' ? s.color : s.color[0]!, s.dashed);
		doc.fillColor(COLORS.text).text(s.label, cx + 14, cy, { lineBreak: false, width: w - 14 });
		cx += w;
	}
	return cy + 14 - y;
}

/**
 * Horizontal bars, one group per label, one bar per series (the theme scores: one series with a
 * colour per level; groups side by side: one series per group). The value is printed at the end
 * of each bar.
 */
export function barChart(
	doc: Doc,
	x: number,
	y: number,
	width: number,
	{
		labels,
		series,
		max = 100,
		ticks = [0, 25, 50, 75, 100],
		labelWidth = width * 0.38,
		barHeight = 11
	}: {
		labels: readonly string[];
		series: readonly Series[];
		max?: number;
		ticks?: readonly number[];
		labelWidth?: number;
		barHeight?: number;
	}
): number {
	const plotX = x + labelWidth + 8;
	const plotWidth = width - labelWidth - 8 - 22;
	const heights = labelHeights(doc, labels, labelWidth);
	const groupHeight = series.length * barHeight + 8;
	const rows = labels.map((_, i) => Math.max(groupHeight, heights[i]! + 6));
	const plotHeight = rows.reduce((s, h) => s + h, 0);
	axis(doc, plotX, y, plotWidth, plotHeight, max, ticks);
	let ry = y;
	labels.forEach((label, i) => {
		const rh = rows[i]!;
		doc
			.font('regular')
			.fontSize(LABEL_SIZE)
			.fillColor(COLORS.text)
			.text(label, x, ry + (rh - heights[i]!) / 2, { width: labelWidth, align: 'right' });
		const by = ry + (rh - series.length * barHeight) / 2;
		series.forEach((s, k) => {
			const v = s.values[i];
			const color = typeof s.color === 'string' ? s.color : (s.color[i] ?? COLORS.primary);
			const top = by + k * barHeight + 1;
			if (v === null || v === undefined) {
				doc
					.font('italic')
					.fontSize(7.5)
					.fillColor(COLORS.muted)
					.text('geen score', plotX + 3, top + 1, { lineBreak: false });
				return;
			}
			const w = (Math.min(v, max) / max) * plotWidth;
			bar(doc, plotX, top, w, barHeight - 2, color, s.dashed);
			doc
				.font('bold')
				.fontSize(7.5)
				.fillColor(COLORS.text)
				.text(String(v), plotX + w + 3, top + (barHeight - 2) / 2 - 4, { lineBreak: false });
		});
		ry += rh;
	});
	let used = plotHeight + 14;
	if (series.length > 1) used += 6 + legend(doc, plotX, y + used + 4, plotWidth, series);
	return used;
}

/**
 * Stacked horizontal bars of counts (the answers per statement): one segment per series, the
 * count printed inside where it fits, and a legend below.
 */
export function stackedBarChart(
	doc: Doc,
	x: number,
	y: number,
	width: number,
	{
		labels,
		series,
		labelWidth = 70,
		barHeight = 14
	}: {
		labels: readonly string[];
		series: readonly Series[];
		labelWidth?: number;
		barHeight?: number;
	}
): number {
	const totals = labels.map((_, i) => series.reduce((s, ser) => s + (ser.values[i] ?? 0), 0));
	const max = Math.max(1, ...totals);
	const step = max <= 10 ? 2 : max <= 25 ? 5 : max <= 50 ? 10 : 20;
	const scaleMax = Math.ceil(max / step) * step;
	const ticks = Array.from({ length: scaleMax / step + 1 }, (_, k) => k * step);
	const plotX = x + labelWidth + 8;
	const plotWidth = width - labelWidth - 8 - 10;
	const rowHeight = barHeight + 5;
	const plotHeight = labels.length * rowHeight;
	axis(doc, plotX, y, plotWidth, plotHeight, scaleMax, ticks);
	labels.forEach((label, i) => {
		const ry = y + i * rowHeight + 2.5;
		doc
			.font('regular')
			.fontSize(LABEL_SIZE)
			.fillColor(COLORS.text)
			.text(label, x, ry + barHeight / 2 - 5, {
				width: labelWidth,
				align: 'right',
				lineBreak: false
			});
		let cx = plotX;
		for (const s of series) {
			const v = s.values[i] ?? 0;
			const w = (v / scaleMax) * plotWidth;
			const color = typeof s.color === 'string' ? s.color : s.color[i]!;
			bar(doc, cx, ry, w, barHeight, color, s.dashed);
			if (v > 0 && w > 12) {
				doc
					.font('bold')
					.fontSize(7.5)
					.fillColor(takesWhiteText(color) ? COLORS.primaryContrast : COLORS.text)
					.text(String(v), cx, ry + barHeight / 2 - 4.5, {
						width: w,
						align: 'center',
						lineBreak: false
					});
			}
			cx += w;
		}
	});
	let used = plotHeight + 14;
	used += 6 + legend(doc, plotX, y + used + 4, plotWidth, series);
	return used;
}

/**
 * Spread of values per row (for the SWV report: the schools' scores per theme): every value as a
 * dot, the quartiles as a box and the median as a line; an optional highlighted value as a
 * diamond.
 */
export function boxPlot(
	doc: Doc,
	x: number,
	y: number,
	width: number,
	{
		rows,
		max = 100,
		ticks = [0, 25, 50, 75, 100],
		labelWidth = width * 0.32
	}: {
		rows: readonly {
			label: string;
			values: readonly number[];
			q1: number;
			median: number;
			q3: number;
			highlight?: number | null;
		}[];
		max?: number;
		ticks?: readonly number[];
		labelWidth?: number;
	}
): number {
	const plotX = x + labelWidth + 8;
	const plotWidth = width - labelWidth - 8 - 10;
	const rowHeight = 20;
	const plotHeight = rows.length * rowHeight;
	const at = (v: number) => plotX + (v / max) * plotWidth;
	axis(doc, plotX, y, plotWidth, plotHeight, max, ticks);
	rows.forEach((r, i) => {
		const cy = y + i * rowHeight + rowHeight / 2;
		doc
			.font('regular')
			.fontSize(LABEL_SIZE)
			.fillColor(COLORS.text)
			.text(r.label, x, cy - 5, { width: labelWidth, align: 'right', lineBreak: false });
		doc
			.rect(at(r.q1), cy - 5, Math.max(1, at(r.q3) - at(r.q1)), 10)
			.fillAndStroke(COLORS.surface, COLORS.border);
		doc
			.moveTo(at(r.median), cy - 6)
			.lineTo(at(r.median), cy + 6)
			.lineWidth(1.5)
			.strokeColor(COLORS.text)
			.stroke();
		for (const v of r.values) doc.circle(at(v), cy, 1.6).fill(COLORS.primary);
		if (r.highlight !== null && r.highlight !== undefined) {
			const hx = at(r.highlight);
			doc
				.polygon([hx, cy - 5], [hx + 5, cy], [hx, cy + 5], [hx - 5, cy])
				.fillAndStroke(HIGHLIGHT_COLOR, COLORS.text);
		}
	});
	return plotHeight + 14;
}
