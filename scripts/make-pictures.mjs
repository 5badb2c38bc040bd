// npm run pictures: the README's pictures of a letter and of summary.xlsx, made from real
// outputs. A batch over the fictional schools of fixtures/fake-web/ (as bench:discover runs it)
// writes the letters and the workbook with the Anyshire example config, then LibreOffice and
// pdftoppm turn one letter and the workbook's Schools sheet into PNGs in docs/img/.
// Needs Debian's libreoffice-writer-nogui, libreoffice-calc-nogui and poppler-utils; the
// commands are in docs/pictures.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { main } from '../dist/cli/main.js';
import { realIO } from '../dist/cli/run.js';
import { httpFetch } from '../dist/fetch/http.js';
import { buildFakeSchools, giasCsv } from '../fixtures/fake-web/schools.mjs';
import { startFakeWeb, throughFakeWeb } from '../fixtures/fake-web/server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IMG = join(ROOT, 'docs', 'img');
const SCHOOLS_SHOWN = 12;

const { hosts, schools } = await buildFakeSchools();
const web = await startFakeWeb(hosts);
const dir = mkdtempSync(join(tmpdir(), 'senaudit-pictures-'));
const input = join(dir, 'gias.csv');
writeFileSync(input, giasCsv(schools.slice(0, SCHOOLS_SHOWN)));
const io = { ...(await realIO()), stdout: () => {}, fetcher: throughFakeWeb(web, httpFetch), today: () => '2026-11-01' };
const config = join(ROOT, 'rules/examples/anyshire/senaudit.config.yaml');
const out = join(dir, 'out');
await main({ ...io, argv: ['batch', input, '--out', out, '--letters', '--config', config, '--allow-private', '--as-of', '2026-11-01', '--quiet'] });
await web.close();

// The letter shown: the first one with both kinds of gap, so the picture shows each part.
const index = readFileSync(join(out, 'letters', 'index.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
const row = index.map((l) => l.split(',')).find((c) => Number(c.at(-3)) > 0 && Number(c.at(-2)) > 0) ?? index[0].split(',');
const letter = row[3];
mkdirSync(IMG, { recursive: true });
const soffice = (file, to) => execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', dir, file], { stdio: 'ignore' });

soffice(join(out, 'letters', letter), 'pdf');
execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', join(dir, letter.replace(/\.docx$/, '.pdf')), join(IMG, 'letter')]);

// The Schools sheet alone, its first columns, on one landscape page: a copy of the workbook with
// the other sheets left out and a print area set (the workbook itself is unchanged).
const book = new ExcelJS.Workbook();
await book.xlsx.readFile(join(out, 'summary.xlsx'));
for (const ws of [...book.worksheets]) if (ws.name !== 'Schools') book.removeWorksheet(ws.id);
const sheet = book.getWorksheet('Schools');
// The school columns, then the first requirement columns that are not "Met" for every school
// shown (so the picture shows the colours), the rest hidden.
const FIXED = 12;
let shownRequirements = 0;
for (let c = FIXED + 1; c <= sheet.columnCount; c++) {
  const values = new Set(sheet.getColumn(c).values.slice(2));
  const keep = shownRequirements < 9 && values.size > 1;
  if (keep) shownRequirements++;
  sheet.getColumn(c).hidden = !keep;
}
sheet.getColumn(5).width = 28; // the report's address, cut short
for (const c of [8, 9, 10, 11]) sheet.getColumn(c).width = 8;
sheet.getColumn(12).hidden = true; // Reason: empty for audited schools
sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, margins: { left: 0.2, right: 0.2, top: 0.2, bottom: 0.2, header: 0, footer: 0 } };
const shown = join(dir, 'schools-sheet.xlsx');
await book.xlsx.writeFile(shown);
soffice(shown, 'pdf');
// Only the rows there are: the top of the landscape page.
execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', '-x', '0', '-y', '0', '-W', '1625', '-H', '222', join(dir, 'schools-sheet.pdf'), join(IMG, 'workbook')]);
console.log(`docs/img/letter.png from ${letter}; docs/img/workbook.png from summary.xlsx (${readdirSync(join(out, 'letters')).length} files in letters/)`);
rmSync(dir, { recursive: true, force: true });
