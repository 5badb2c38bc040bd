// `npm run docs`: regenerates the committed reference files under docs/ (the rule reference
// and the JSON Schemas) from the built-in rules and the zod schemas. Run after `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDocs } from '../dist/format/docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = await generatedDocs((p) => readFile(p, 'utf8'));
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
