// Our own patterns are held to the check rule packs get (issue #19): a regular expression whose
// repeats can match the same text in more than one way can take minutes on one hostile line
// ('a@' repeated 5,000 times took 81 s). Every pattern in src/ is found and checked: the literals
// from the source itself (TypeScript's parser), and the ones built with `new RegExp` while every
// module loads and a whole audit runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findRegexRisk } from '../../src/rules/regex-ambiguity.js';
import { REPO_ROOT } from '../helpers/cli.js';

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Found {
  where: string;
  source: string;
  flags: string;
}

function literals(): Found[] {
  const out: Found[] = [];
  for (const file of sourceFiles(SRC)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        out.push({ where: `${relative(REPO_ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

// Patterns built at run time: RegExp is wrapped while the modules load and an audit runs.
const built: Found[] = [];
const Original = globalThis.RegExp;
beforeAll(async () => {
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const [pattern, flags] = args;
      const source = typeof pattern === 'string' ? pattern : pattern.source;
      built.push({ where: new Error().stack?.split('\n')[2]?.trim() ?? '?', source, flags: flags ?? (typeof pattern === 'string' ? '' : pattern.flags) });
      return Reflect.construct(target, args) as RegExp;
    },
  });
  // Entry points run when imported (the action's step, a worker's message loop): their patterns are literals, checked above.
  const ENTRY_POINTS = ['ci/action-main.ts', 'audit/document-worker.ts'];
  for (const file of sourceFiles(SRC)) if (!ENTRY_POINTS.some((e) => file.endsWith(e))) await import(file);
  const { auditDocument } = await import('../../src/audit/audit-document.js');
  const { extractDocument } = await import('../../src/extract/index.js');
  const { BUILTIN_RULESET, loadRuleset } = await import('../../src/rules/loader.js');
  const { scoreLink } = await import('../../src/discover/score.js');
  const ruleset = await loadRuleset(BUILTIN_RULESET, (p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')));
  const html = readFileSync(join(REPO_ROOT, 'fixtures/examples/oakfield-primary.html'));
  const doc = await extractDocument({ bytes: html, contentType: 'text/html', name: 'oakfield.html', baseUrl: 'https://oakfield.example.sch.uk/send' });
  auditDocument(doc, ruleset, { target: 't', finalUrl: null, asOf: '2026-11-01', schoolType: 'maintained_mainstream', toolVersion: 'test' });
  void scoreLink;
});
afterAll(() => {
  globalThis.RegExp = Original;
});

test('every regular expression literal in src/ passes the ambiguity check', () => {
  const found = literals();
  expect(found.length).toBeGreaterThan(300);
  const risky = found.map((f) => ({ ...f, risk: findRegexRisk(f.source, f.flags) })).filter((f) => f.risk);
  expect(risky.map((r) => `${r.where}: /${r.source}/${r.flags}: ${JSON.stringify(r.risk)}`)).toEqual([]);
});

test('every pattern src/ builds with new RegExp while loading and auditing passes it too', () => {
  expect(built.length).toBeGreaterThan(20);
  const risky = built.map((f) => ({ ...f, risk: findRegexRisk(f.source, f.flags) })).filter((f) => f.risk);
  expect(risky.map((r) => `${r.where}: /${r.source.slice(0, 200)}/${r.flags}: ${JSON.stringify(r.risk)}`)).toEqual([]);
});

test('the check itself finds the patterns that were slow here', () => {
  // The date facts' address pattern (cubic on "a@a@a@..."), before issue #19.
  expect(findRegexRisk(String.raw`\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+`, 'gi')).toMatchObject({ kind: 'polynomial' });
  expect(findRegexRisk(String.raw`^(#{1,6})\s+(.+?)(?:\s+#+)?$`, '')).toMatchObject({ kind: 'polynomial' });
});
