import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for one test's database and files. */
export function tempDir(prefix = 'spo-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}
