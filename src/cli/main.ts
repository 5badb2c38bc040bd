import { Command, CommanderError, Option } from 'commander';
import { AuditError, isAuditError } from '../errors.js';
import type { Ruleset } from '../rules/types.js';
import { SCHOOL_TYPES, SEVERITIES } from '../rules/vocabulary.js';
import { VERSION } from '../version.js';
import type { AuditCommandOptions } from './commands/audit.js';
import { EXIT_CANNOT_AUDIT, EXIT_OK } from './exit-codes.js';
import type { MainOptions } from './io.js';
import { FORMATS, parseAsOf, parseBytes, parseFormat, parseSchoolType, parseSeconds, parseSeverity } from './options.js';

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

  program
    .command('audit')
    .description('audit one SEN information report, from an http(s) URL or a local .html, .pdf, .docx, .txt or .md file')
    .argument('<target>', 'URL or file path')
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
    .action(async (target: string, opts: Omit<AuditCommandOptions, 'asOf'> & { asOf?: string; rules?: string }) => {
      const { auditCommand } = await import('./commands/audit.js');
      exitCode = await auditCommand(target, await ruleset(opts.rules), { ...opts, asOf: opts.asOf ?? io.today() }, io);
    });

  program
    .command('rules')
    .description('list the active rules (id, severity, legal source)')
    .addOption(rulesOption())
    .action(async (opts: { rules?: string }) => {
      const { formatRulesList } = await import('../format/rules-list.js');
      io.stdout(formatRulesList(await ruleset(opts.rules)));
    });

  program
    .command('eval')
    .description('measure the rules against a labelled corpus (labels.json + manifest.json)')
    .argument('<corpus-dir>', 'folder with labels.json, manifest.json, texts/ and originals/')
    .option('--json <file>', 'also write the figures as JSON to this file')
    .option('--check', 'exit 1 when an accuracy target is missed (for CI)')
    .addOption(new Option('--as-of <date>', 'as-of date for date-dependent rules').argParser(parseAsOf))
    .addOption(rulesOption())
    .action(async (dir: string, opts: { json?: string; asOf?: string; rules?: string; check?: boolean }) => {
      const { evalCommand } = await import('./commands/eval.js');
      exitCode = await evalCommand(dir, await ruleset(opts.rules), { json: opts.json ?? null, asOf: opts.asOf ?? io.today(), check: opts.check === true }, io);
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
  stderr(`senaudit: unexpected error: ${err.message}. Run again with --debug and report it at https://github.com/senaudit/senaudit/issues.\n`);
  if (debug && err.stack) stderr(`${err.stack}\n`);
  return EXIT_CANNOT_AUDIT;
}

export { AuditError };
