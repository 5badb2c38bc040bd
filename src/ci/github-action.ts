// The GitHub Action (action.yml at the repository root) in one step. The composite action passes
// its inputs as INPUT_* variables; this runs this checkout's own CLI in-process (no second
// download) and puts the results where GitHub reads them: annotations on stdout, the Markdown gap
// report in $GITHUB_STEP_SUMMARY, `gaps` and `reports` in $GITHUB_OUTPUT. Its exit code is the
// CLI's, so the job fails as `fail-on` says (README "In CI").
import { randomBytes } from 'node:crypto';
import { access, appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport } from '../audit/report.js';
import { latestLines } from '../batch/reports.js';
import { countGapsAtOrAbove } from '../cli/gaps.js';
import type { CliIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { formatGithub } from '../format/github.js';
import { formatMarkdown } from '../format/markdown.js';
import { renderReport } from '../format/render.js';
import type { Severity } from '../rules/vocabulary.js';

/** GitHub shows at most 1 MiB of a step's summary; a longer report is cut and points to its file. */
const SUMMARY_LIMIT = 1024 * 1024 - 4096;
/** What `format` may add in audit mode, one file per report in `out`. */
const AUDIT_EXTRA = { markdown: 'md', html: 'html', junit: 'xml' } as const;

export interface ActionInputs {
  targets: string[];
  list: string | null;
  out: string;
  formats: string[];
  failOn: Severity;
  config: string | null;
  asOf: string | null;
  schoolType: string | null;
  shard: string | null;
  allowPrivate: boolean;
}

/** The action's inputs from the INPUT_* variables the composite action sets; blank means not given. */
export function readInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const get = (name: string) => env[`INPUT_${name}`]?.trim() || null;
  const targets = (get('TARGETS') ?? '').split(/\s+/).filter(Boolean);
  const list = get('LIST');
  if (targets.length === 0 && !list) throw new Error('give "targets" (report URLs or files to audit) or "list" (a list of schools for a batch).');
  if (targets.length > 0 && list) throw new Error('give "targets" or "list", not both: "list" runs a batch over a list of schools.');
  const failOn = (get('FAIL_ON') ?? 'error').toLowerCase();
  if (!['error', 'warning', 'info'].includes(failOn)) throw new Error(`"fail-on" is "${failOn}": use error, warning or info.`);
  return {
    targets,
    list,
    out: get('OUT') ?? 'senaudit-report',
    formats: (get('FORMAT') ?? '').split(/[\s,]+/).map((f) => f.toLowerCase()).filter(Boolean),
    failOn: failOn as Severity,
    config: get('CONFIG'),
    asOf: get('AS_OF'),
    schoolType: get('SCHOOL_TYPE'),
    shard: get('SHARD'),
    allowPrivate: get('ALLOW_PRIVATE') === 'true',
  };
}

/** Runs the action; returns the exit code. `io` is the CLI's outside world (real in the action, a test's own in tests). */
export async function runAction(io: CliIO): Promise<number> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(io.env);
  } catch (e) {
    io.stdout(`::error title=senaudit::${(e as Error).message}\n`);
    return 2;
  }
  await mkdir(inputs.out, { recursive: true });
  const common = [
    '--fail-on', inputs.failOn,
    ...(inputs.config ? ['--config', inputs.config] : []),
    ...(inputs.asOf ? ['--as-of', inputs.asOf] : []),
    ...(inputs.schoolType ? ['--school-type', inputs.schoolType] : []),
  ];
  const result = inputs.list ? await batch(inputs, common, io) : await audit(inputs, common, io);
  await writeOutputs(io.env['GITHUB_OUTPUT'], { gaps: String(result.gaps), reports: result.reports.join('\n') });
  return result.code;
}

interface ActionResult {
  code: number;
  gaps: number;
  reports: string[];
}

/** `targets`: one `audit` of them all as JSON, then each report's annotations, summary and extra files. */
async function audit(inputs: ActionInputs, common: string[], io: CliIO): Promise<ActionResult> {
  if (inputs.shard) io.stderr('senaudit: "shard" applies to a batch ("list"); it is ignored for "targets".\n');
  const unknown = inputs.formats.filter((f) => f !== 'json' && !(f in AUDIT_EXTRA));
  if (unknown.length) {
    io.stdout(`::error title=senaudit::"format" has ${unknown.join(', ')}: with "targets" use json, markdown, html or junit.\n`);
    return { code: 2, gaps: 0, reports: [] };
  }
  let json = '';
  const code = await main({ ...io, stdout: (t) => void (json += t), argv: ['audit', ...inputs.targets, '--format', 'json', ...common] });
  if (!json.trim()) return { code, gaps: 0, reports: [] };
  const parsed = JSON.parse(json) as AuditReport | AuditReport[];
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  const written: string[] = [];
  let summary = '';
  let gaps = 0;
  for (const [i, report] of reports.entries()) {
    io.stdout(formatGithub(report));
    summary += `${formatMarkdown(report)}\n`;
    gaps += countGapsAtOrAbove(report.results, inputs.failOn);
    const base = join(inputs.out, reports.length === 1 ? 'report' : `report-${i + 1}`);
    await io.writeFileAtomic(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    written.push(`${base}.json`);
    for (const f of inputs.formats) {
      if (!(f in AUDIT_EXTRA)) continue;
      const path = `${base}.${AUDIT_EXTRA[f as keyof typeof AUDIT_EXTRA]}`;
      await io.writeFileAtomic(path, renderReport(report, f as keyof typeof AUDIT_EXTRA, { color: false, failOn: inputs.failOn }));
      written.push(path);
    }
  }
  await appendSummary(io.env['GITHUB_STEP_SUMMARY'], summary, written[0] ?? inputs.out);
  return { code, gaps, reports: written };
}

/** `list`: a batch with annotations for every school, its Markdown report in the summary. */
async function batch(inputs: ActionInputs, common: string[], io: CliIO): Promise<ActionResult> {
  const formats = [...new Set(['markdown', 'github', ...inputs.formats.filter((f) => f !== 'json')])];
  const argv = ['batch', inputs.list!, '--out', inputs.out, '--format', formats.join(','), '--quiet', ...common];
  if (inputs.shard) argv.push('--shard', inputs.shard);
  if (inputs.allowPrivate) argv.push('--allow-private');
  const code = await main({ ...io, argv });
  const results = join(inputs.out, 'results.ndjson');
  const lines = await latestLines([results]).catch(() => []);
  if (lines.length === 0) return { code, gaps: 0, reports: [] };
  const gaps = lines.reduce((n, l) => n + (l.status === 'audited' ? countGapsAtOrAbove(l.report.results, inputs.failOn) : 0), 0);
  const files = ['results.ndjson', 'summary.csv', 'summary.xlsx', 'report.md', 'report.html', 'junit.xml'].map((f) => join(inputs.out, f));
  const reports: string[] = [];
  for (const f of files) if (await access(f).then(() => true, () => false)) reports.push(f);
  const markdown = await readFile(join(inputs.out, 'report.md'), 'utf8').catch(() => '');
  await appendSummary(io.env['GITHUB_STEP_SUMMARY'], markdown, join(inputs.out, 'report.md'));
  return { code, gaps, reports };
}

async function appendSummary(path: string | undefined, markdown: string, whole: string): Promise<void> {
  if (!path || !markdown) return;
  const fits = Buffer.byteLength(markdown) <= SUMMARY_LIMIT;
  const text = fits ? markdown : `${Buffer.from(markdown).subarray(0, SUMMARY_LIMIT).toString('utf8').replace(/\uFFFD*$/, '')}\n\n*(Cut here: GitHub shows at most 1 MiB of a summary. The whole report is ${whole}.)*\n`;
  await appendFile(path, text.endsWith('\n') ? text : `${text}\n`);
}

/** $GITHUB_OUTPUT: name<<delimiter lines, so a value may span lines. */
async function writeOutputs(path: string | undefined, outputs: Record<string, string>): Promise<void> {
  if (!path) return;
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `senaudit_${name}_${randomBytes(8).toString('hex')}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  await appendFile(path, text);
}
