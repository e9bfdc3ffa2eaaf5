/** `npm run bench`: builds once, then runs every bench script in turn and prints its figures. */
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
for (const script of ['bench/saves.ts', 'bench/results.ts', 'bench/pdf.ts', 'bench/national.ts']) {
	execFileSync('node_modules/.bin/tsx', [script], { stdio: 'inherit' });
}
