// npm run build:web: the browser page (web/) bundled by esbuild into dist/web/, with the engine's
// own code and two adapters (web/shims/: Buffer, and zlib's inflate with a cap on output). Prints
// the bundle's size. Needs `npm run build` first (the validated rule set, dist/rules/builtin-ruleset.json).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'web');
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);

const result = await build({
  entryPoints: [join(root, 'web', 'app.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox115', 'safari16'],
  outfile: join(out, 'app.js'),
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  inject: [join(root, 'web', 'shims', 'buffer.ts'), join(root, 'web', 'shims', 'timers.ts')],
  alias: { 'node:zlib': join(root, 'web', 'shims', 'zlib.ts') },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

copyFileSync(join(root, 'web', 'index.html'), join(out, 'index.html'));
// pdf.js's worker, from the same pdf-parse build the page bundles.
const pdfParseWeb = dirname(require.resolve('pdf-parse').replace(/cjs[/\\\\]index\.cjs$/, 'web/pdf-parse.es.js'));
copyFileSync(join(root, 'node_modules/pdf-parse/dist/pdf-parse/web/pdf.worker.mjs'), join(out, 'pdf.worker.mjs'));
void pdfParseWeb;

const kb = (p) => `${Math.round(statSync(p).size / 1024)} KB`;
console.log(`build:web: dist/web/app.js ${kb(join(out, 'app.js'))}, pdf.worker.mjs ${kb(join(out, 'pdf.worker.mjs'))}, index.html ${kb(join(out, 'index.html'))}`);
void result;
