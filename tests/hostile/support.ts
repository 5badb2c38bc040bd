import { expect } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

/** Audits that must not start: exit 2, one plain line on stderr, nothing on stdout, no stack, no crash. */
export async function expectRefused(args: string[], message: RegExp): Promise<CliResult> {
  const r = await runCli(args);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^senaudit: /);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at |unexpected error/);
  expect(r.code).toBe(2);
  return r;
}

export interface JsonReport {
  document: { warnings: string[]; pages: number | null };
  results: { id: string; status: string }[];
}

/** Audits that go ahead on what could be read: a full JSON report on stdout and nothing on stderr. */
export async function expectAudited(args: string[]): Promise<JsonReport> {
  const r = await runCli([...args, '--format', 'json', '--as-of', '2026-11-01']);
  expect(r.stderr).toBe('');
  expect([0, 1]).toContain(r.code);
  const report = JSON.parse(r.stdout) as JsonReport;
  expect(report.results).toHaveLength(26);
  return report;
}
