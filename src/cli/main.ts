import { Argument, Command, CommanderError, Option } from 'commander';
import { AuditError, isAuditError } from '../errors.js';
import type { Ruleset } from '../rules/types.js';
import { SCHOOL_TYPES, SEVERITIES } from '../rules/vocabulary.js';
import { VERSION } from '../version.js';
import type { AuditCommandOptions } from './commands/audit.js';
import { EXIT_CANNOT_AUDIT, EXIT_OK } from './exit-codes.js';
import type { MainOptions } from './io.js';
import { FORMATS, parseAsOf, parseBytes, parseFormat, parseSchoolType, parseSeconds, parseSeverity } from './options.js';
import { parseBatchReports, parseIntInRange, parseShard } from './options.js';
import type { BatchCommandOptions } from './commands/batch.js';
import type { Severity } from '../rules/vocabulary.js';

type BatchActionOptions = Omit<BatchCommandOptions, 'asOf' | 'resume' | 'quiet' | 'shard' | 'allowPrivate'> & {
  allowPrivate?: boolean;
  asOf?: string;
  rules?: string;
  resume?: boolean;
  quiet?: boolean;
  shard?: BatchCommandOptions['shard'];
};

/**
 * The whole CLI as a function: argv and every outside effect come in through `options`,
 * the exit code goes out. Errors the user can act on become one line on stderr and exit 2;
 * a stack trace only with --debug.
 */
// Commands and the heavy modules they need (zod, yaml, undici, pdf-parse, cheerio) are imported
// inside each action, so `senaudit --help` and option errors stay quick.
export async function main(options: MainOptions): Promise<number> {
  const io = options;
  const ruleset = async (file: string | undefined): Promise<Ruleset> => {
    const { BUILTIN_RULESET, loadRuleset } = await import('../rules/loader.js');
    return loadRuleset(file ?? BUILTIN_RULESET, io.readText);
  };
  let exitCode = EXIT_OK;
  const debug = options.argv.includes('--debug');

  const program = new Command()
    .name('senaudit')
    .description("Audit an English school's SEN information report against the law and print a gap report.")
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showHelpAfterError(false);

  const rulesOption = () => new Option('--rules <file>', 'use this rule file instead of the built-in rules');
  const configOption = () =>
    new Option('--config <file>', 'settings and local rules from this file (default: senaudit.config.yaml in the working directory, when there is one)');
  const noConfigOption = () => new Option('--no-config', 'ignore senaudit.config.yaml');
  const lettersOption = () =>
    new Option('--letters', "also write a letter to each school in --out/letters/ (Word and Markdown, with index.csv), set up by the config's letters: block");
  const letterSettingsFrom = async (defaults: { letters?: import('../config/schema.js').LettersConfig }) =>
    (await import('../format/letter/settings.js')).letterSettings(defaults.letters);
  /** The rules and defaults from --rules, --config or senaudit.config.yaml (src/config). */
  const configured = async (opts: { rules?: string; config?: string | false }) => {
    const { resolveConfig } = await import('../config/resolve.js');
    return resolveConfig({ config: opts.config, rules: opts.rules, readText: io.readText });
  };

  program
    .command('audit')
    .description('audit a SEN information report, from an http(s) URL or a local .html, .pdf, .docx, .txt or .md file (several: one report each)')
    .argument('<targets...>', 'URLs or file paths')
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`).default('text').argParser(parseFormat))
    .addOption(
      new Option('-t, --school-type <group>', `school type: ${SCHOOL_TYPES.join(', ')}`)
        .default('maintained_mainstream')
        .argParser(parseSchoolType),
    )
    .addOption(new Option('--as-of <date>', 'judge the annual update as of this date (YYYY-MM-DD; default today)').argParser(parseAsOf))
    .addOption(
      new Option('--fail-on <severity>', `exit 1 when gaps of this severity or above are found: ${SEVERITIES.join(', ')}`)
        .default('error')
        .argParser(parseSeverity),
    )
    .addOption(new Option('--timeout <seconds>', 'give up on a URL after this many seconds in all').default(30).argParser(parseSeconds))
    .addOption(new Option('--max-bytes <size>', 'refuse documents larger than this (bytes, or e.g. 20MB)').default(20 * 1024 * 1024).argParser(parseBytes))
    .addOption(rulesOption())
    .addOption(configOption())
    .addOption(noConfigOption())
    .addOption(new Option('--check-links', 'check that documents the rules need a live link to (e.g. the Local Offer) answer: HEAD/GET, status < 400'))
    .addOption(new Option('--no-check-links', 'do not check links, even when the config asks'))
    .addOption(new Option('-o, --output <file>', 'write the report to this file instead of the terminal (needed for --format docx)'))
    .addOption(new Option('--school-name <name>', "the school's name, to title the Markdown and HTML reports (default: the document's own title)"))
    .addOption(new Option('--discover', 'the URL is a home or SEND page: find the report on the site first (robots.txt obeyed)'))
    .addOption(new Option('--max-pages <n>', 'with --discover: pages fetched at most').default(30).argParser(parseIntInRange(1, 500)))
    .addOption(new Option('--max-depth <n>', 'with --discover: links followed from the start page at most').default(3).argParser(parseIntInRange(0, 10)))
    .action(async (targets: string[], opts: Omit<AuditCommandOptions, 'asOf'> & { asOf?: string; rules?: string; config?: string | false }, cmd: Command) => {
      const { auditCommand } = await import('./commands/audit.js');
      const { ruleset: rules, defaults } = await configured(opts);
      // A flag given on the command line beats the config, which beats the built-in default.
      const fromCli = (key: string) => cmd.getOptionValueSource(key) === 'cli';
      const settings: AuditCommandOptions = {
        ...opts,
        schoolType: fromCli('schoolType') ? opts.schoolType : (defaults.schoolType ?? opts.schoolType),
        failOn: fromCli('failOn') ? opts.failOn : (defaults.failOn ?? opts.failOn),
        asOf: opts.asOf ?? defaults.asOf ?? io.today(),
        checkLinks: opts.checkLinks ?? defaults.checkLinks ?? false,
      };
      exitCode = await auditCommand(targets, rules, settings, io);
    });

  program
    .command('rules')
    .description('list the active rules (id, severity, legal source); --format markdown writes the rule reference (docs/rules.md)')
    .addOption(new Option('-f, --format <format>', 'output format: text, markdown').default('text').choices(['text', 'markdown']))
    .addOption(rulesOption())
    .addOption(configOption())
    .addOption(noConfigOption())
    .action(async (opts: { rules?: string; config?: string | false; format: 'text' | 'markdown' }) => {
      const rules = (await configured(opts)).ruleset;
      if (opts.format === 'markdown') io.stdout((await import('../format/rules-markdown.js')).formatRulesMarkdown(rules));
      else io.stdout((await import('../format/rules-list.js')).formatRulesList(rules));
    });

  program
    .command('explain')
    .description('explain one rule: what it checks, the law, how it decides, how to fix')
    .argument('<rule-id>', 'a rule id, as listed by "senaudit rules"')
    .addOption(rulesOption())
    .addOption(configOption())
    .addOption(noConfigOption())
    .action(async (id: string, opts: { rules?: string; config?: string | false }) => {
      const { explainCommand } = await import('./commands/explain.js');
      exitCode = explainCommand(id, (await configured(opts)).ruleset, io);
    });

  program
    .command('serve')
    .description('serve the page for checking a report in a browser on 127.0.0.1 (npm run build:web), where a web address is fetched by this CLI')
    .addOption(new Option('--port <n>', 'port on 127.0.0.1 (0: any free port)').default(8080).argParser(parseIntInRange(0, 65535)))
    .addOption(new Option('--timeout <seconds>', 'give up on a URL after this many seconds in all').default(30).argParser(parseSeconds))
    .addOption(new Option('--max-bytes <size>', 'refuse documents larger than this (bytes, or e.g. 20MB)').default(20 * 1024 * 1024).argParser(parseBytes))
    .addOption(rulesOption())
    .addOption(configOption())
    .addOption(noConfigOption())
    .action(async (opts: { port: number; timeout: number; maxBytes: number; rules?: string; config?: string | false }) => {
      const { serveCommand } = await import('./commands/serve.js');
      exitCode = await serveCommand((await configured(opts)).ruleset, opts, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema for rule files or senaudit.config.yaml, for editors to validate them')
    .addArgument(new Argument('[kind]', 'which file').choices(['rule', 'config']).default('rule'))
    .action(async (kind: 'rule' | 'config') => {
      const { schemaCommand } = await import('./commands/schema.js');
      exitCode = schemaCommand(kind, io);
    });

  program
    .command('eval')
    .description('measure the rules against a labelled corpus (labels.json + manifest.json)')
    .argument('<corpus-dir>', 'folder with labels.json, manifest.json, texts/ and originals/')
    .option('--json <file>', 'also write the figures as JSON to this file')
    .option('--check', 'exit 1 when an accuracy target is missed (for CI)')
    .addOption(new Option('--as-of <date>', 'as-of date for date-dependent rules').argParser(parseAsOf))
    .addOption(new Option('--folds <k>', 'also score the corpus in k parts (by a hash of each id), to show how the figures move').argParser(parseIntInRange(2, 20)))
    .option('--show-held-out', "list the held-out part's disagreements too (then it no longer judges a change)")
    .option('--readme <file>', 'write the figures table into this Markdown file, between <!-- eval-figures --> markers')
    .option('--parity', 'also audit the text version of each document published as a PDF or DOCX, and list the requirements judged differently')
    .addOption(rulesOption())
    .action(async (dir: string, opts: { json?: string; asOf?: string; rules?: string; check?: boolean; folds?: number; showHeldOut?: boolean; readme?: string; parity?: boolean }) => {
      const { evalCommand } = await import('./commands/eval.js');
      const settings = { json: opts.json ?? null, asOf: opts.asOf ?? io.today(), check: opts.check === true, folds: opts.folds, showHeldOut: opts.showHeldOut === true, readme: opts.readme ?? null, parity: opts.parity === true };
      exitCode = await evalCommand(dir, await ruleset(opts.rules), settings, io);
    });

  program
    .command('batch')
    .description('audit every school in a list (URLs, a CSV with a url column, or a GIAS extract); results in --out')
    .argument('<input>', 'text file of URLs, CSV with a "url" column, or GIAS establishment extract (CSV)')
    .requiredOption('-o, --out <dir>', 'folder for results.ndjson, summary.csv and summary.xlsx')
    .addOption(
      new Option('-t, --school-type <group>', `school type when the input gives none: ${SCHOOL_TYPES.join(', ')}`)
        .default('maintained_mainstream')
        .argParser(parseSchoolType),
    )
    .addOption(new Option('--as-of <date>', 'judge the annual update as of this date (YYYY-MM-DD; default today)').argParser(parseAsOf))
    .addOption(
      new Option('--fail-on <severity>', `exit 1 when any school has gaps of this severity or above: ${SEVERITIES.join(', ')}`)
        .default('error')
        .argParser(parseSeverity),
    )
    .addOption(new Option('--timeout <seconds>', 'give up on one address after this many seconds').default(30).argParser(parseSeconds))
    .addOption(new Option('--max-bytes <size>', 'refuse documents larger than this (bytes, or e.g. 20MB)').default(20 * 1024 * 1024).argParser(parseBytes))
    .addOption(new Option('--concurrency <n>', 'requests in flight in all (at most 2 per site)').default(8).argParser(parseIntInRange(1, 64)))
    .addOption(new Option('--max-pages <n>', 'pages of a site searched for the report').default(30).argParser(parseIntInRange(1, 500)))
    .addOption(new Option('--max-depth <n>', 'links followed from the start page when searching').default(3).argParser(parseIntInRange(0, 10)))
    .addOption(new Option('--doc-timeout <seconds>', 'stop reading or judging one document after this many seconds (the school gets an error row)').default(60).argParser(parseSeconds))
    .addOption(new Option('--doc-memory <MB>', 'stop reading one document that needs more memory than this (MB)').default(768).argParser(parseIntInRange(64, 16384)))
    .option('--resume', 'carry on an interrupted run: skip schools already complete in results.ndjson')
    .addOption(new Option('--shard <k/n>', 'audit only share k of n of the list (stable, by URN or URL hash)').argParser(parseShard))
    .option('-q, --quiet', 'no progress output')
    .option('--allow-private', 'also fetch loopback and private-network addresses (refused by default in batch runs)')
    .addOption(new Option('-f, --format <list>', 'also write these reports in --out: html, markdown, junit; github prints annotations for every school (comma-separated)').argParser(parseBatchReports))
    .addOption(lettersOption())
    .addOption(rulesOption())
    .addOption(configOption())
    .addOption(noConfigOption())
    .action(async (input: string, opts: BatchActionOptions & { config?: string | false; format?: BatchCommandOptions['reports']; letters?: boolean }, cmd: Command) => {
      const { batchCommand } = await import('./commands/batch.js');
      const { ruleset: rules, defaults } = await configured(opts);
      // As for audit: a flag given on the command line beats the config, which beats the default.
      const fromCli = (key: string) => cmd.getOptionValueSource(key) === 'cli';
      exitCode = await batchCommand(
        input,
        rules,
        {
          ...opts,
          schoolType: fromCli('schoolType') ? opts.schoolType : (defaults.schoolType ?? opts.schoolType),
          failOn: fromCli('failOn') ? opts.failOn : (defaults.failOn ?? opts.failOn),
          asOf: opts.asOf ?? defaults.asOf ?? io.today(),
          resume: opts.resume === true,
          quiet: opts.quiet === true,
          shard: opts.shard ?? null,
          reports: opts.format ?? [],
          allowPrivate: opts.allowPrivate === true,
          letters: opts.letters ? await letterSettingsFrom(defaults) : null,
        },
        io,
      );
    });

  program
    .command('merge')
    .description('join the results.ndjson of several batch shards into one summary.csv and summary.xlsx')
    .argument('<ndjson...>', 'results.ndjson files (a school in several: the last line wins)')
    .requiredOption('-o, --out <dir>', 'folder for summary.csv and summary.xlsx')
    .addOption(
      new Option('--fail-on <severity>', `exit 1 when any school has gaps of this severity or above: ${SEVERITIES.join(', ')}`)
        .default('error')
        .argParser(parseSeverity),
    )
    .addOption(new Option('-f, --format <list>', 'also write these reports in --out: html, markdown, junit; github prints annotations for every school (comma-separated)').argParser(parseBatchReports))
    .addOption(lettersOption())
    .addOption(configOption())
    .addOption(noConfigOption())
    .action(async (files: string[], opts: { out: string; failOn: Severity; format?: BatchCommandOptions['reports']; letters?: boolean; config?: string | false }) => {
      const { mergeCommand } = await import('./commands/merge.js');
      const { defaults } = await configured(opts);
      exitCode = await mergeCommand(files, { out: opts.out, failOn: opts.failOn, reports: opts.format ?? [], letters: opts.letters ? await letterSettingsFrom(defaults) : null }, io);
    });

  program
    .command('diff')
    .description('compare two batch runs: per school, requirements now met, new gaps, status changes, schools added or gone')
    .argument('<old>', 'results.ndjson of the earlier run')
    .argument('<new>', 'results.ndjson of the later run')
    .addOption(new Option('-f, --format <format>', 'output format: text, json').default('text').choices(['text', 'json']))
    .action(async (oldFile: string, newFile: string, opts: { format: 'text' | 'json' }) => {
      const { diffCommand } = await import('./commands/diff.js');
      exitCode = await diffCommand(oldFile, newFile, opts, io);
    });

  try {
    await program.parseAsync(options.argv, { from: 'user' });
  } catch (e) {
    return reportError(e, io.stderr, debug);
  }
  return exitCode;
}

function reportError(e: unknown, stderr: (s: string) => void, debug: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
    if (e.code === 'commander.executeSubCommandAsync') return EXIT_OK;
    const message = e.message.replace(/^error: /, '');
    stderr(`senaudit: ${message}${/[.!?]$/.test(message) ? '' : '.'} Run "senaudit --help" for usage.\n`);
    return EXIT_CANNOT_AUDIT;
  }
  if (isAuditError(e)) {
    stderr(`senaudit: ${e.message}\n`);
    if (debug && e.cause instanceof Error && e.cause.stack) stderr(`${e.cause.stack}\n`);
    return EXIT_CANNOT_AUDIT;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const disk = diskProblem(err);
  if (disk) {
    stderr(`senaudit: ${disk}\n`);
    if (debug && err.stack) stderr(`${err.stack}\n`);
    return EXIT_CANNOT_AUDIT;
  }
  stderr(`senaudit: unexpected error: ${err.message}. Run again with --debug and report it at https://github.com/senaudit/senaudit/issues.\n`);
  if (debug && err.stack) stderr(`${err.stack}\n`);
  return EXIT_CANNOT_AUDIT;
}

/** The file system's own refusals, said as what to do; null for anything else. */
function diskProblem(err: Error): string | null {
  const e = err as NodeJS.ErrnoException;
  const where = e.path ? ` writing ${e.path}` : '';
  switch (e.code) {
    case 'ENOSPC':
      return `the disk is full${where}. Free some space (or give --out on another disk) and run again; a batch carries on with --resume.`;
    case 'EDQUOT':
      return `your disk quota is used up${where}. Free some space and run again; a batch carries on with --resume.`;
    case 'EROFS':
      return `the disk is read-only${where}. Give --out (or --output) on a disk you can write to.`;
    default:
      return null;
  }
}

export { AuditError };
