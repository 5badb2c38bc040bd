// fixtures/kinds/: a document of each kind per file, named <kind>-<letter>.txt (textlint style:
// the input and what it must give, side by side).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyKind } from '../../src/facts/kind.js';
import { extractText } from '../../src/extract/text.js';

const ROOT = resolve(import.meta.dirname, '../../fixtures/kinds');

describe('each document of fixtures/kinds is the kind its name says', () => {
  for (const file of readdirSync(ROOT).filter((f) => f.endsWith('.txt')).sort()) {
    const kind = file.replace(/-[a-z]\.txt$/, '').replace('-', '_');
    test(`${file} is ${kind}`, () => {
      const verdict = classifyKind(extractText(readFileSync(resolve(ROOT, file), 'utf8'), false));
      expect(verdict.kind, verdict.reason).toBe(kind);
    });
  }
});
