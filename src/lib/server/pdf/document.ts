import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import {
	DONT_KNOW_COLOR,
	LEVEL_COLORS,
	OPTION_COLORS,
	SERIES_COLORS,
	UI_COLORS
} from '$lib/domain/colors';

/**
 * The shared setup of every PDF report: A4, Source Sans 3 embedded, Dutch metadata, a tagged
 * structure tree (so screen readers read in order), bookmarks, a running header and "Pagina 3
 * van 12" on every page but the cover, and helpers for headings, paragraphs, lists, tables and
 * figures that keep that structure. The school report uses it; the SWV report can too.
 */

/** The web's colours (src/lib/domain/colors.ts), by the names the PDF code uses. */
export const COLORS = {
	text: UI_COLORS.text,
	muted: UI_COLORS.textMuted,
	primary: UI_COLORS.primary,
	primaryContrast: UI_COLORS.primaryContrast,
	border: UI_COLORS.border,
	borderSubtle: UI_COLORS.borderSubtle,
	surface: UI_COLORS.surface,
	notice: UI_COLORS.notice,
	noticeBorder: UI_COLORS.noticeBorder,
	link: UI_COLORS.link
} as const;

export { DONT_KNOW_COLOR, LEVEL_COLORS, OPTION_COLORS, SERIES_COLORS };

export const VERDICT_COLORS = {
	'gaat-goed': LEVEL_COLORS.borgen!,
	aandachtspunt: LEVEL_COLORS.ontwikkelen!,
	risico: LEVEL_COLORS.verkennen!
} as const;

const FONT_FILES = {
	regular: 'SourceSans3-Regular.ttf',
	bold: 'SourceSans3-Bold.ttf',
	italic: 'SourceSans3-It.ttf'
} as const;
export type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;

/**
 * The TTF files of the `source-sans` package (OFL), found at run time: the build keeps
 * dependencies external, so the package sits in node_modules beside vitest and `node build`.
 * Read once per process.
 */
function fontData(): Record<FontName, Buffer> {
	if (!fonts) {
		const dir = join(
			dirname(createRequire(import.meta.url).resolve('source-sans/package.json')),
			'TTF'
		);
		fonts = {
			regular: readFileSync(join(dir, FONT_FILES.regular)),
			bold: readFileSync(join(dir, FONT_FILES.bold)),
			italic: readFileSync(join(dir, FONT_FILES.italic))
		};
	}
	return fonts;
}

/** A font as fontkit parsed it: pdfkit takes one in place of the file's bytes. */
type ParsedFont = { layout: (...args: unknown[]) => unknown };
let parsed: Record<FontName, ParsedFont> | undefined;

/**
 * The fonts parsed once per process (by a scratch document that is never written), so that each
 * report does not parse the tables of three fonts again; each document still makes its own
 * subset of the glyphs it uses.
 */
function parsedFonts(): Record<FontName, ParsedFont> {
	if (!parsed) {
		const scratch = new PDFDocument({ autoFirstPage: false });
		const data = fontData();
		const parse = (name: FontName) => {
			scratch.font(data[name]);
			// pdfkit keeps the fontkit font of the current font at `_font.font`.
			return (scratch as unknown as { _font: { font: ParsedFont } })._font.font;
		};
		parsed = { regular: parse('regular'), bold: parse('bold'), italic: parse('italic') };
	}
	return parsed;
}

function registerFonts(doc: PDFKit.PDFDocument): void {
	const fonts = parsedFonts();
	for (const name of Object.keys(fonts) as FontName[])
		doc.registerFont(name, fonts[name] as unknown as Buffer);
}

export const PAGE = { width: 595.28, height: 841.89, margin: 56, top: 64, bottom: 64 } as const;

export interface DocumentInfo {
	title: string;
	author: string;
	subject: string;
	keywords?: string;
	/** The running header's text on every page but the first. */
	header: string;
}

type Struct = PDFKit.PDFStructureElement;
type StructOptions = Parameters<PDFKit.PDFDocument['struct']>[1];
type Outline = PDFKit.PDFOutline;

export class ReportDocument {
	readonly doc: PDFKit.PDFDocument;
	private readonly root: Struct;
	private sections: Struct[] = [];
	private outlines: Outline[] = [];
	private readonly chunks: Buffer[] = [];
	private readonly done: Promise<Buffer>;

	constructor(private readonly info: DocumentInfo) {
		this.doc = new PDFDocument({
			size: 'A4',
			margins: {
				top: PAGE.top,
				bottom: PAGE.bottom,
				left: PAGE.margin,
				right: PAGE.margin
			},
			bufferPages: true,
			pdfVersion: '1.7',
			tagged: true,
			lang: 'nl-NL',
			displayTitle: true,
			info: {
				Title: info.title,
				Author: info.author,
				Subject: info.subject,
				Keywords: info.keywords,
				Creator: 'Scan Passend Onderwijs'
			}
		});
		registerFonts(this.doc);
		this.doc.font('regular').fontSize(10.5).fillColor(COLORS.text);
		this.doc.on('data', (c: Buffer) => this.chunks.push(c));
		this.done = new Promise((resolve, reject) => {
			this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
			this.doc.on('error', reject);
		});
		this.root = this.doc.struct('Document');
		this.doc.addStructure(this.root);
	}

	get left() {
		return PAGE.margin;
	}
	get width() {
		return PAGE.width - 2 * PAGE.margin;
	}
	get bottom() {
		return PAGE.height - PAGE.bottom;
	}
	get y() {
		return this.doc.y;
	}

	/** The structure element new content goes into: the innermost open section. */
	private get parent(): Struct {
		return this.sections.at(-1) ?? this.root;
	}

	/** Adds tagged content in reading order; `draw` runs at once. */
	tag(type: string, draw: () => void, options: StructOptions = {}): void {
		this.parent.add(this.doc.struct(type, options, draw));
	}

	/** Groups the tagged content that `build` adds under one structure element (Div, L, LI...). */
	within(type: string, build: () => void, options: StructOptions = {}): void {
		const el = this.doc.struct(type, options);
		this.parent.add(el);
		this.sections.push(el);
		build();
		this.sections.pop();
		el.end();
	}

	/** Untagged decoration (rules, backgrounds): screen readers skip it. */
	artifact(draw: () => void): void {
		this.doc.markContent('Artifact', { type: 'Layout' });
		draw();
		this.doc.endMarkedContent();
	}

	newPage(): void {
		this.doc.addPage();
	}

	/** Starts a new page unless `height` points still fit on this one. */
	ensureSpace(height: number): void {
		if (this.doc.y + height > this.bottom) this.newPage();
	}

	/** Opens a section (a `Sect` in the structure tree) with its heading and bookmark. */
	openSection(
		title: string,
		{ level = 1, newPage = false }: { level?: 1 | 2; newPage?: boolean } = {}
	): void {
		if (newPage) this.newPage();
		else this.ensureSpace(level === 1 ? 120 : 90);
		const sect = this.doc.struct('Sect', { title });
		this.parent.add(sect);
		this.sections.push(sect);
		const outlineParent =
			level === 1 ? this.doc.outline : (this.outlines.at(-1) ?? this.doc.outline);
		// "Fit": pdfkit's default XYZ destination scrolls to the page's right edge.
		const item = outlineParent.addItem(title, { fit: true } as { expanded?: boolean });
		if (level === 1) this.outlines = [item];
		this.heading(title, level);
	}

	closeSection(): void {
		this.sections.pop()?.end();
	}

	heading(text: string, level: 1 | 2 | 3): void {
		const size = { 1: 20, 2: 14, 3: 11.5 }[level];
		// Keep a heading with the start of what follows it.
		this.ensureSpace({ 1: 120, 2: 110, 3: 70 }[level]);
		if (level > 1 && this.doc.y > PAGE.top + 1) this.doc.moveDown(level === 2 ? 0.6 : 0.4);
		this.tag(`H${level}`, () => {
			this.doc
				.font('bold')
				.fontSize(size)
				.fillColor(level === 1 ? COLORS.primary : COLORS.text)
				.text(text, this.left, this.doc.y, { width: this.width });
		});
		this.doc.moveDown(level === 1 ? 0.5 : 0.25);
		this.body();
	}

	/** Back to body text. */
	body(): this {
		this.doc.font('regular').fontSize(10.5).fillColor(COLORS.text);
		return this;
	}

	paragraph(
		text: string,
		{ muted = false, size = 10.5, font = 'regular' as FontName, gap = 0.5 } = {}
	): void {
		this.doc.font(font).fontSize(size);
		this.ensureSpace(Math.min(this.doc.heightOfString(text, { width: this.width }), 3 * size));
		this.tag('P', () => {
			this.doc
				.fillColor(muted ? COLORS.muted : COLORS.text)
				.text(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
		});
		this.doc.moveDown(gap);
		this.body();
	}

	/** A bulleted list, tagged L > LI > Lbl + LBody. */
	bullets(items: readonly string[], { indent = 14 } = {}): void {
		const list = this.doc.struct('L');
		this.parent.add(list);
		for (const item of items) {
			const width = this.width - indent;
			this.ensureSpace(Math.min(this.doc.heightOfString(item, { width }), 30));
			const li = this.doc.struct('LI');
			list.add(li);
			const y = this.doc.y;
			li.add(
				this.doc.struct('Lbl', {}, () => {
					this.doc.fillColor(COLORS.text).text('•', this.left + 2, y, { lineBreak: false });
				})
			);
			li.add(
				this.doc.struct('LBody', {}, () => {
					this.doc.text(item, this.left + indent, y, { width, lineGap: 1.5 });
				})
			);
			li.end();
			this.doc.moveDown(0.25);
		}
		list.end();
		this.doc.x = this.left;
		this.doc.moveDown(0.3);
	}

	/** A drawn figure with its text alternative; `draw` gets the top-left and returns its height. */
	figure(alt: string, height: number, draw: (x: number, y: number, width: number) => number): void {
		this.ensureSpace(height + 8);
		const y = this.doc.y;
		let used = height;
		this.tag(
			'Figure',
			() => {
				used = draw(this.left, y, this.width);
			},
			{ alt }
		);
		this.doc.x = this.left;
		this.doc.y = y + used + 10;
		this.body();
	}

	/** A notice box (like the web's `.notice`), its text tagged as a paragraph. */
	notice(text: string): void {
		this.doc.font('regular').fontSize(10.5);
		const h = this.doc.heightOfString(text, { width: this.width - 24 }) + 16;
		this.ensureSpace(h + 6);
		const y = this.doc.y;
		this.artifact(() => {
			this.doc.rect(this.left, y, this.width, h).fill(COLORS.notice);
			this.doc.rect(this.left, y, 5, h).fill(COLORS.noticeBorder);
		});
		this.tag('P', () => {
			this.doc.fillColor(COLORS.text).text(text, this.left + 16, y + 8, { width: this.width - 24 });
		});
		this.doc.x = this.left;
		this.doc.y = y + h + 10;
	}

	/**
	 * A table with a header row, repeated after a page break; the first column wraps. Tagged
	 * Table > TR > TH/TD, header cells scoped to their column, first cells to their row.
	 */
	table(
		columns: { header: string; width: number; align?: 'left' | 'right' | 'center' }[],
		rows: readonly string[][],
		{ size = 9 } = {}
	): void {
		const doc = this.doc;
		const pad = 4;
		const total = columns.reduce((s, c) => s + c.width, 0);
		const widths = columns.map((c) => (c.width / total) * this.width);
		// No column narrower than its longest word (header in bold): the first column gives way.
		const longestWord = (text: string, font: FontName) => {
			doc.font(font).fontSize(size);
			return Math.max(...text.split(/\s+/).map((w) => doc.widthOfString(w)));
		};
		columns.forEach((c, i) => {
			if (i === 0) return;
			const need =
				Math.max(
					longestWord(c.header, 'bold'),
					...rows.map((r) => longestWord(r[i] ?? '', 'regular'))
				) +
				2 * pad +
				1;
			if (widths[i]! < need) {
				widths[0]! -= need - widths[i]!;
				widths[i] = need;
			}
		});
		const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
		const table = doc.struct('Table');
		this.parent.add(table);
		const rowHeight = (cells: readonly string[], font: FontName) => {
			doc.font(font).fontSize(size);
			return (
				Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) +
				2 * pad
			);
		};
		const drawRow = (cells: readonly string[], header: boolean) => {
			const font: FontName = header ? 'bold' : 'regular';
			const h = rowHeight(cells, font);
			const y = doc.y;
			this.artifact(() => {
				if (header) doc.rect(this.left, y, this.width, h).fill(COLORS.surface);
				doc
					.moveTo(this.left, y + h)
					.lineTo(this.left + this.width, y + h)
					.lineWidth(header ? 1 : 0.5)
					.strokeColor(header ? COLORS.border : COLORS.borderSubtle)
					.stroke();
			});
			const tr = doc.struct('TR');
			table.add(tr);
			cells.forEach((cell, i) => {
				const type = header || i === 0 ? 'TH' : 'TD';
				// pdfkit writes `scope` as the cell's Table attribute; its types do not list it.
				const options = (
					type === 'TH' ? { scope: header ? 'Column' : 'Row' } : {}
				) as StructOptions;
				const el = doc.struct(type, options, () => {
					doc
						.font(font)
						.fontSize(size)
						.fillColor(COLORS.text)
						.text(cell, xs[i]! + pad, y + pad, {
							width: widths[i]! - 2 * pad,
							align: columns[i]!.align ?? 'left'
						});
				});
				tr.add(el);
			});
			tr.end();
			doc.x = this.left;
			doc.y = y + h;
		};
		const head = columns.map((c) => c.header);
		this.ensureSpace(rowHeight(head, 'bold') + rowHeight(rows[0] ?? head, 'regular'));
		drawRow(head, true);
		for (const row of rows) {
			if (doc.y + rowHeight(row, 'regular') > this.bottom) {
				this.newPage();
				drawRow(head, true);
			}
			drawRow(row, false);
		}
		table.end();
		doc.moveDown(0.8);
		this.body();
	}

	/** A link in running text, tagged as a Link inside its paragraph. */
	linkParagraph(title: string, url: string | undefined, rest: string): void {
		this.doc.font('bold').fontSize(10.5);
		this.ensureSpace(30);
		this.tag('P', () => {
			const x = this.left;
			this.doc.fillColor(url ? COLORS.link : COLORS.text).text(title, x, this.doc.y, {
				width: this.width,
				link: url ?? null,
				underline: !!url,
				continued: !!rest
			});
			if (rest) this.doc.font('regular').fillColor(COLORS.muted).text(rest, { underline: false });
		});
		this.body();
	}

	/**
	 * Writes the running header and the page numbers (as artifacts) on every page but the first,
	 * closes the structure, and returns the file.
	 */
	/** The cover's band in the primary colour with the level colours beneath, and the title. */
	coverBand(title: string): void {
		const doc = this.doc;
		this.artifact(() => {
			doc.rect(0, 0, doc.page.width, 150).fill(COLORS.primary);
			const w = doc.page.width / 4;
			Object.values(LEVEL_COLORS).forEach((c, i) => doc.rect(i * w, 150, w, 6).fill(c));
		});
		this.tag('P', () => {
			doc.font('bold').fontSize(13).fillColor(COLORS.primaryContrast);
			doc.text('Scan Passend Onderwijs', this.left, 60, { width: this.width });
		});
		this.tag('H1', () => {
			doc.font('bold').fontSize(26).fillColor(COLORS.primaryContrast);
			doc.text(title, this.left, 82, { width: this.width });
		});
		doc.y = 200;
	}

	async finish(): Promise<Buffer> {
		while (this.sections.length) this.closeSection();
		this.root.end();
		const doc = this.doc;
		const { start, count } = doc.bufferedPageRange();
		for (let i = start + 1; i < start + count; i++) {
			doc.switchToPage(i);
			// Writing in the margins must not start a new page.
			const margins = doc.page.margins;
			doc.page.margins = { ...margins, top: 0, bottom: 0 };
			doc.markContent('Artifact', { type: 'Pagination' });
			doc
				.font('regular')
				.fontSize(8.5)
				.fillColor(COLORS.muted)
				.text(this.info.header, PAGE.margin, 30, {
					width: this.width,
					lineBreak: false,
					ellipsis: true
				});
			doc
				.moveTo(PAGE.margin, 44)
				.lineTo(PAGE.width - PAGE.margin, 44)
				.lineWidth(0.5)
				.strokeColor(COLORS.borderSubtle)
				.stroke();
			doc.text(`Pagina ${i - start + 1} van ${count}`, PAGE.margin, PAGE.height - 40, {
				width: this.width,
				align: 'right',
				lineBreak: false
			});
			doc.endMarkedContent();
			doc.page.margins = margins;
		}
		doc.end();
		return this.done;
	}
}

/** A finished PDF as a download: its file name, no caching (it holds a school's results). */
export function pdfResponse(pdf: Buffer, fileName: string): Response {
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`,
			'content-length': String(pdf.length),
			'cache-control': 'private, no-store'
		}
	});
}
