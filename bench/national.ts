/**
 * A national-size database: 150 SWVs (100 po, 50 vo), 7,000 schools, one finished, released
 * round each with 20 respondents who answered every statement (about 7 million answers). Prints
 * the time to build it, to snapshot every round once, the server time of the SWV overview for an
 * SWV of 120 schools and of the national benchmarks, the time to make that SWV's PDF report,
 * the file sizes, and the time of an online backup (`npm run db:backup`) while respondents keep
 * saving.
 * Budgets: overview under 300 ms, national benchmark under 1 s (issue 7); SWV report under 2 s
 * (issue 8).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { themesFor } from '../src/lib/domain/questionnaire/model';
import { sectorBenchmark } from '../src/lib/domain/swv/benchmark';
import { statementSets } from '../src/lib/domain/swv/per-type';
import { summarizeUnits } from '../src/lib/domain/aggregate';
import { migrateDatabase, openDatabase } from '../src/lib/server/db/open';
import { loadQuestionnaires, markVersionUsed } from '../src/lib/server/questionnaires/registry';
import { snapshotsOf } from '../src/lib/server/results/snapshots';
import { swvReport } from '../src/lib/domain/swv/report';
import { renderSwvReport } from '../src/lib/server/pdf/swv-report';
import { sectorBenchmarkOf, swvOverviewData } from '../src/lib/server/swv/overview';
import { latestReleasedScores } from '../src/lib/server/results/benchmarks';
import { schoolScanFrame } from '../src/lib/server/swv/picture';
import * as t from '../src/lib/server/db/schema';
import { startRespondent } from '../tests/helpers/open-round';
import { postAnswer } from '../tests/helpers/saves';
import { runToExit, startBuiltServer } from '../tests/helpers/server';

const PORT = 4194;
const ORIGIN = `http://localhost:${PORT}`;
if (!existsSync('build/index.js')) throw new Error('Eerst `npm run build`.');
const dir = mkdtempSync(join(tmpdir(), 'spo-bench-national-'));
const file = join(dir, 'scan.db');

const SWVS = 150;
const PO_SWVS = 100;
const SCHOOLS = 7000;
const RESPONDENTS = 20;
const BIG = 120;

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const started = process.hrtime.bigint();
const db = openDatabase(file);
migrateDatabase(db);
const raw = db.$client;
const registry = loadQuestionnaires('questionnaires');
const q = registry.latest('school-scan')!;
markVersionUsed(db, registry, 'school-scan', q.version);
const items = Object.fromEntries(
	(['po', 'sbo', 'so', 'vo', 'vso'] as const).map((type) => [
		type,
		themesFor(q, type).flatMap((v) => v.items.map((i) => i.id))
	])
);

const swvIds: number[] = [];
const insertSwv = raw.prepare('insert into swv (code, name, sector) values (?, ?, ?)');
const insertSchool = raw.prepare(
	'insert into school (swv_id, instellingscode, vestiging, name, place, school_type) values (?, ?, ?, ?, ?, ?)'
);
const insertRound = raw.prepare(
	"insert into round (scope, school_id, swv_id, questionnaire_id, questionnaire_version, title, opens_at, status, closed_at, share_token, released_at) values ('school', ?, ?, 'school-scan', ?, 'Scan 2026', ?, 'closed', ?, ?, ?)"
);
const insertResponse = raw.prepare(
	'insert into response (round_id, token_hash, resume_hash, submitted_at) values (?, ?, ?, ?)'
);
const insertAnswer = raw.prepare(
	'insert into answer (response_id, item_id, value) values (?, ?, ?)'
);
let answers = 0;
const opened = Date.parse('2026-10-01T08:00:00Z');
raw.transaction(() => {
	for (let s = 0; s < SWVS; s++) {
		const sector = s < PO_SWVS ? 'po' : 'vo';
		swvIds.push(
			Number(
				insertSwv.run(`${sector.toUpperCase()}${String(s).padStart(4, '0')}`, `SWV ${s}`, sector)
					.lastInsertRowid
			)
		);
	}
	// SWV 0 gets 120 schools; the rest are spread over the SWVs of each sector.
	const poSchools = Math.round(SCHOOLS * 0.68);
	for (let k = 0; k < SCHOOLS; k++) {
		const po = k < poSchools;
		const swv = po
			? k < BIG
				? swvIds[0]!
				: swvIds[1 + ((k - BIG) % (PO_SWVS - 1))]!
			: swvIds[PO_SWVS + (k % (SWVS - PO_SWVS))]!;
		const type = po
			? (['po', 'po', 'po', 'po', 'sbo', 'so'] as const)[k % 6]!
			: k % 5
				? 'vo'
				: 'vso';
		const schoolId = Number(
			insertSchool.run(
				swv,
				k.toString(36).toUpperCase().padStart(4, '0'),
				'00',
				`School ${k}`,
				'Plaats',
				type
			).lastInsertRowid
		);
		const roundId = Number(
			insertRound.run(
				schoolId,
				swv,
				q.version,
				opened,
				opened + 86_400_000 * 14,
				`tok${k}`,
				opened + 86_400_000 * 15
			).lastInsertRowid
		);
		const base = 1.3 + random() * 2.5;
		for (let r = 0; r < RESPONDENTS; r++) {
			const responseId = Number(
				insertResponse.run(roundId, `t${k}-${r}`, `c${k}-${r}`, opened).lastInsertRowid
			);
			for (const item of items[type]!) {
				insertAnswer.run(
					responseId,
					item,
					Math.max(1, Math.min(4, Math.round(base + random() * 1.6 - 0.8)))
				);
				answers++;
			}
		}
	}
})();
raw.pragma('wal_checkpoint(TRUNCATE)');
const built = ms(started);

// Every round's snapshot, as the first requests after the rounds closed would make them.
const snapStart = process.hrtime.bigint();
snapshotsOf(db, registry, db.select().from(t.round).all());
const snapTime = ms(snapStart);
raw.pragma('wal_checkpoint(TRUNCATE)');
const size = statSync(file).size;

// In process: the functions behind the pages.
const swv0 = db.select().from(t.swv).all()[0]!;
const overviewTimes: number[] = [];
const nationalTimes: number[] = [];
const { themes, levels, questionnaire } = schoolScanFrame(registry);
const statements = statementSets(questionnaire);
for (let i = 0; i < 20; i++) {
	let from = process.hrtime.bigint();
	const data = swvOverviewData(db, registry, swv0);
	sectorBenchmarkOf(db, registry, swv0);
	overviewTimes.push(ms(from));
	if (data.overview.rows.length !== BIG) throw new Error(`${data.overview.rows.length} scholen`);
	from = process.hrtime.bigint();
	// The national benchmark: every SWV against its sector, every school type over the country.
	const all = [];
	for (const sector of ['po', 'vo'] as const) {
		const rows = latestReleasedScores(db, registry, { sector });
		const bySwv = new Map<number, typeof rows>();
		for (const x of rows) bySwv.set(x.swvId, [...(bySwv.get(x.swvId) ?? []), x]);
		sectorBenchmark(
			themes,
			levels,
			[...bySwv.entries()].map(([swvId, schools]) => ({ swvId, schools })),
			swv0.id,
			statements
		);
		all.push(...rows);
	}
	for (const type of ['po', 'sbo', 'so', 'vo', 'vso'] as const)
		summarizeUnits(
			themes.map((x) => x.id),
			all.filter((x) => x.schoolType === type),
			levels
		);
	nationalTimes.push(ms(from));
	if (all.length !== SCHOOLS) throw new Error(`${all.length} scholen in de benchmark`);
}

// The SWV's PDF report for its 120 schools: model and rendering, as the download does them.
const pdfTimes: number[] = [];
let pdfSize = 0;
for (let i = 0; i < 6; i++) {
	const from = process.hrtime.bigint();
	const data = swvOverviewData(db, registry, swv0);
	const model = swvReport({
		swv: { name: swv0.name, code: swv0.code, sector: swv0.sector },
		today: '2026-11-23',
		questionnaire: data.questionnaire,
		levels,
		overview: data.overview,
		trend: data.trend,
		benchmark: sectorBenchmarkOf(db, registry, swv0),
		ownScan: null
	});
	pdfSize = (await renderSwvReport(model)).length;
	pdfTimes.push(ms(from));
}
const pdfFirst = pdfTimes.shift()!;

// Over HTTP: the production build, an SWV coordinator with a session.
const userId = randomUUID();
raw
	.prepare("insert into user (id, email, name) values (?, 'bench@example.org', 'Bench')")
	.run(userId);
raw
	.prepare("insert into membership (user_id, scope, swv_id) values (?, 'swv', ?)")
	.run(userId, swv0.id);
const token = 'benchtoken'.padEnd(32, 'b');
raw
	.prepare('insert into session (id, user_id, expires_at) values (?, ?, ?)')
	.run(createHash('sha256').update(token).digest('hex'), userId, Date.now() + 86_400_000);
const schoolOfSwv0 = raw
	.prepare('select id from school where swv_id = ? limit 1')
	.pluck()
	.get(swv0.id) as number;
// An open round at that school, for saves that go on during the backup.
const shareToken = 'benchbackup'.padEnd(26, 'b');
db.insert(t.round)
	.values({
		scope: 'school',
		schoolId: schoolOfSwv0,
		swvId: swv0.id,
		questionnaireId: q.id,
		questionnaireVersion: q.version,
		title: 'Open ronde',
		opensAt: new Date(),
		shareToken
	})
	.run();
db.$client.close();

const server = await startBuiltServer(PORT, { DATABASE_URL: file });

/** `npm run db:backup` of the national database while 10 respondents keep saving. */
async function backupUnderLoad() {
	const cookies = await Promise.all(
		Array.from({ length: 10 }, () => startRespondent(ORIGIN, shareToken))
	);
	let saves = 0;
	let failed = 0;
	let stop = false;
	const clients = cookies.map(async (cookie, r) => {
		for (let k = 0; !stop; k++) {
			const res = await postAnswer(
				ORIGIN,
				shareToken,
				cookie,
				items.po![k % items.po!.length]!,
				1 + ((r + k) % 4)
			);
			if (res.ok) saves++;
			else failed++;
		}
	});
	await new Promise((r) => setTimeout(r, 500));
	const from = process.hrtime.bigint();
	const before = saves;
	const result = await runToExit('node_modules/.bin/tsx', { DATABASE_URL: file }, [
		'scripts/backup.ts',
		join(dir, 'backup.db')
	]);
	const took = ms(from);
	const during = saves - before;
	stop = true;
	await Promise.all(clients);
	if (result.code !== 0) throw new Error(result.output);
	return { took, during, failed, size: statSync(join(dir, 'backup.db')).size };
}
async function timeGet(path: string, n = 20): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < n + 2; i++) {
		const from = process.hrtime.bigint();
		const res = await fetch(ORIGIN + path, { headers: { cookie: `sessie=${token}` } });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
		if (i >= 2) times.push(ms(from));
	}
	return times;
}
try {
	const page = await timeGet(`/swv/${swv0.id}/scholen`);
	// The same page filtered: below the norm on any theme, a level and a name search.
	const filtered = await timeGet(
		`/swv/${swv0.id}/scholen?norm=onder&niveau=ontwikkelen&zoek=school&sorteer=thema%3Avisie-en-beleid&richting=af`
	);
	const board = await timeGet(`/swv/${swv0.id}/bestuursrapportage.pdf`, 5);
	const school = await timeGet(`/swv/${swv0.id}/scholen/${schoolOfSwv0}`);
	const xlsx = await timeGet(`/swv/${swv0.id}/export.xlsx`, 5);
	const backup = await backupUnderLoad();
	const f = (x: number) => x.toFixed(1);
	console.log(
		`\nLandelijke database (${SWVS} SWV's, ${SCHOOLS} scholen, ${RESPONDENTS} respondenten per school)`
	);
	console.log(
		`  antwoorden: ${answers.toLocaleString('nl-NL')}; opbouwen ${(built / 1000).toFixed(1)} s`
	);
	console.log(
		`  momentopnamen van alle ${SCHOOLS} rondes (eenmalig): ${(snapTime / 1000).toFixed(1)} s`
	);
	console.log(`  bestandsgrootte: ${(size / 2 ** 20).toFixed(0)} MiB`);
	console.log(`  in het proces, mediaan van 20:`);
	console.log(
		`    SWV-overzicht (${BIG} scholen, incl. sectorbenchmark): ${f(median(overviewTimes))} ms (budget < 300 ms) ${median(overviewTimes) < 300 ? 'OK' : 'TE TRAAG'}`
	);
	console.log(
		`    landelijke benchmark (alle SWV's per sector, alle typen): ${f(median(nationalTimes))} ms (budget < 1000 ms) ${median(nationalTimes) < 1000 ? 'OK' : 'TE TRAAG'}`
	);
	console.log(
		`    SWV-rapport (PDF, ${BIG} scholen): eerste keer ${f(pdfFirst)} ms, daarna mediaan ${f(median(pdfTimes))} ms (budget < 2000 ms) ${median(pdfTimes) < 2000 ? 'OK' : 'TE TRAAG'}; ${(pdfSize / 1024).toFixed(0)} KB`
	);
	console.log(`  via HTTP (productiebouw, één verbinding), p50 / p99 van 20:`);
	console.log(
		`    /swv/[id]/scholen: ${f(median(page))} / ${f(p99(page))} ms (budget < 300 ms) ${p99(page) < 300 ? 'OK' : 'TE TRAAG'}`
	);
	console.log(
		`    /swv/[id]/scholen met filters: ${f(median(filtered))} / ${f(p99(filtered))} ms (budget < 300 ms) ${p99(filtered) < 300 ? 'OK' : 'TE TRAAG'}`
	);
	console.log(
		`    /swv/[id]/bestuursrapportage.pdf (5×): ${f(median(board))} / ${f(Math.max(...board))} ms (budget < 2000 ms) ${Math.max(...board) < 2000 ? 'OK' : 'TE TRAAG'}`
	);
	console.log(
		`    /swv/[id]/scholen/[school] (landelijke typebenchmark): ${f(median(school))} / ${f(p99(school))} ms (budget < 1000 ms) ${p99(school) < 1000 ? 'OK' : 'TE TRAAG'}`
	);
	console.log(`    /swv/[id]/export.xlsx: ${f(median(xlsx))} ms (p50 van 5)`);
	console.log(
		`  back-up (npm run db:backup, VACUUM INTO + controle) terwijl 10 respondenten opslaan: ${(backup.took / 1000).toFixed(1)} s, ${(backup.size / 2 ** 20).toFixed(0)} MiB; ${backup.during} opslagen tijdens de back-up, ${backup.failed} mislukt`
	);
} finally {
	server.kill('SIGTERM');
	rmSync(dir, { recursive: true, force: true });
}
