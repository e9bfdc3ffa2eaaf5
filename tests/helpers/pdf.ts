import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * Reading a PDF back with Debian's poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm), for
 * the unit and browser tests of the reports.
 */

const run = (cmd: string, ...args: string[]) =>
	execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export function savePdf(pdf: Buffer, name = 'rapport.pdf'): string {
	const file = join(mkdtempSync(join(tmpdir(), 'spo-pdf-')), name);
	writeFileSync(file, pdf);
	return file;
}

/** The text of every page (pdftotext -layout), one string per page. */
export function pdfPages(file: string): string[] {
	return run('pdftotext', '-layout', file, '-').split('\f').slice(0, -1);
}

/** pdfinfo's fields, e.g. { Pages: '25', Tagged: 'yes', Title: '...' }. */
export function pdfInfo(file: string): Record<string, string> {
	return Object.fromEntries(
		run('pdfinfo', file)
			.split('\n')
			.map((l) => /^([^:]+):\s*(.*)$/.exec(l))
			.filter((m): m is RegExpExecArray => m !== null)
			.map((m) => [m[1]!, m[2]!])
	);
}

/** pdffonts' rows: font name and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
	return run('pdffonts', file)
		.split('\n')
		.slice(2)
		.filter((l) => l.trim())
		.map((l) => {
			const cols = l.trim().split(/\s+/);
			// name type [encoding words] emb sub uni object ID
			return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
		});
}

/** A PDF string literal's bytes: escapes undone, UTF-16 (with its byte-order mark) decoded. */
function pdfString(raw: string): string {
	const bytes: number[] = [];
	for (let i = 0; i < raw.length; i++) {
		const c = raw[i]!;
		if (c !== '\\') {
			bytes.push(c.charCodeAt(0));
			continue;
		}
		const next = raw[++i]!;
		const octal = /^[0-7]{1,3}/.exec(raw.slice(i))?.[0];
		if (octal) {
			bytes.push(parseInt(octal, 8));
			i += octal.length - 1;
		} else
			bytes.push(
				({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0)
			);
	}
	const buf = Buffer.from(bytes);
	if (buf[0] === 0xfe && buf[1] === 0xff) {
		const swapped = Buffer.from(buf.subarray(2));
		swapped.swap16();
		return swapped.toString('utf16le');
	}
	return buf.toString('latin1');
}

/**
 * The bookmark titles in file order (poppler's tools do not print the outline; pdfkit writes
 * outline items as plain dictionaries, so they can be read from the file itself).
 */
export function outlineTitles(pdf: Buffer): { hasOutlines: boolean; titles: string[] } {
	const text = pdf.toString('latin1');
	const titles = [...text.matchAll(/\/Parent \d+ 0 R\s*\/Title \(((?:\\.|[^\\)])*)\)/g)].map((m) =>
		pdfString(m[1]!)
	);
	return { hasOutlines: /\/Outlines \d+ 0 R/.test(text), titles };
}

/** Decodes an 8-bit grey or RGB PNG (what pdftoppm writes) to one grey value per pixel. */
function decodePng(png: Buffer): {
	pixels: Uint8Array;
	rgb: Uint8Array | null;
	width: number;
	height: number;
} {
	let pos = 8;
	let width = 0;
	let height = 0;
	let bpp = 1;
	const idat: Buffer[] = [];
	while (pos < png.length) {
		const len = png.readUInt32BE(pos);
		const type = png.toString('latin1', pos + 4, pos + 8);
		const data = png.subarray(pos + 8, pos + 8 + len);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			if (data[8] !== 8 || (data[9] !== 0 && data[9] !== 2) || data[12] !== 0)
				throw new Error('alleen 8-bits grijs of RGB, zonder interlace');
			bpp = data[9] === 2 ? 3 : 1;
		}
		if (type === 'IDAT') idat.push(data);
		pos += 12 + len;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * bpp;
	const bytes = new Uint8Array(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)]!;
		for (let x = 0; x < stride; x++) {
			const v = raw[y * (stride + 1) + 1 + x]!;
			const a = x >= bpp ? bytes[y * stride + x - bpp]! : 0;
			const b = y > 0 ? bytes[(y - 1) * stride + x]! : 0;
			const c = x >= bpp && y > 0 ? bytes[(y - 1) * stride + x - bpp]! : 0;
			const p = a + b - c;
			const pa = Math.abs(p - a);
			const pb = Math.abs(p - b);
			const pc = Math.abs(p - c);
			const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
			const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
			bytes[y * stride + x] = (v + pred) & 0xff;
		}
	}
	const grey = new Uint8Array(width * height);
	for (let i = 0; i < grey.length; i++)
		grey[i] = bpp === 1 ? bytes[i]! : Math.min(bytes[3 * i]!, bytes[3 * i + 1]!, bytes[3 * i + 2]!);
	return { pixels: grey, rgb: bpp === 3 ? bytes : null, width, height };
}

/**
 * Per page, the share of pixels in each of these colours (hex, within a few steps per channel),
 * so a test can see that a table is drawn in the level colours.
 */
export function pageColourShares(file: string, hexes: readonly string[], dpi = 30): number[][] {
	const dir = mkdtempSync(join(tmpdir(), 'spo-png-'));
	execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'p')]);
	const targets = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
	return readdirSync(dir)
		.filter((f) => f.endsWith('.png'))
		.sort()
		.map((f) => {
			const { rgb, width, height } = decodePng(readFileSync(join(dir, f)));
			if (!rgb) return targets.map(() => 0);
			return targets.map(([r, g, b]) => {
				let hits = 0;
				for (let i = 0; i < width * height; i++)
					if (
						Math.abs(rgb[3 * i]! - r!) <= 4 &&
						Math.abs(rgb[3 * i + 1]! - g!) <= 4 &&
						Math.abs(rgb[3 * i + 2]! - b!) <= 4
					)
						hits++;
				return hits / (width * height);
			});
		});
}

/**
 * Renders every page to PNG with pdftoppm and returns, per page, the share of non-white pixels
 * (ink) between the running header and the footer, so a test can see that no page came out
 * empty apart from its header and page number.
 */
export function pageInk(file: string, dpi = 30): number[] {
	const dir = mkdtempSync(join(tmpdir(), 'spo-png-'));
	execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'p')]);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.png'))
		.sort()
		.map((f) => {
			const { pixels, width, height } = decodePng(readFileSync(join(dir, f)));
			// A4 is 842 points high; header and footer sit in its top and bottom 56 points.
			const from = Math.ceil((56 / 842) * height);
			const to = Math.floor((786 / 842) * height);
			let ink = 0;
			for (let i = from * width; i < to * width; i++) if (pixels[i]! < 200) ink++;
			return ink / ((to - from) * width);
		});
}

/**
 * Per page, how far down the body is used: from the top margin to the lowest inked row (text,
 * table or chart), as a share of the body height (between the running header and the footer),
 * rendered with pdftoppm. A page with a short text alone on it comes out near 0.1.
 */
export function pageFill(file: string, dpi = 30): number[] {
	const dir = mkdtempSync(join(tmpdir(), 'spo-png-'));
	execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'p')]);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.png'))
		.sort()
		.map((f) => {
			const { pixels, width, height } = decodePng(readFileSync(join(dir, f)));
			// The body runs from 64 to 778 points of A4's 842 (header above, page number below).
			const from = Math.ceil((60 / 842) * height);
			const to = Math.floor((782 / 842) * height);
			let last = from;
			for (let y = from; y < to; y++)
				for (let x = 0; x < width; x++)
					if (pixels[y * width + x]! < 200) {
						last = y;
						break;
					}
			return (last - from) / (to - from);
		});
}

/** The headings of the PDF's structure tree in reading order, as levels (pdfinfo -struct). */
export function headingLevels(file: string): { level: number; text: string }[] {
	const out: { level: number; text: string }[] = [];
	const lines = run('pdfinfo', '-struct-text', file).split('\n');
	lines.forEach((line, i) => {
		const m = /^\s*H([1-6]) /.exec(line);
		if (m)
			out.push({ level: Number(m[1]), text: (lines[i + 1] ?? '').trim().replace(/^"|"$/g, '') });
	});
	return out;
}
