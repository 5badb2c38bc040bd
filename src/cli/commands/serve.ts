import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAuditError } from '../../errors.js';
import { SCHOOL_TYPES, type SchoolType } from '../../rules/vocabulary.js';
import type { Ruleset } from '../../rules/types.js';
import type { CliIO } from '../io.js';
import { auditReport } from './audit.js';

// `senaudit serve`: the browser page (npm run build:web, dist/web/) on 127.0.0.1 only, and one
// endpoint for it, POST /api/audit {url}: a web address audited by the CLI's own fetcher (the
// same address policy, limits and robots.txt rules as `audit --discover`). Files chosen in the
// page are read in the page and never sent here.

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };
/** The body of an /api/audit request is a small JSON object. */
const MAX_BODY = 16 * 1024;

export interface ServeOptions {
  port: number;
  timeout: number;
  maxBytes: number;
  /** Resolves when the server should close (tests); the CLI serves until it is stopped. */
  until?: Promise<void>;
}

export async function serveCommand(ruleset: Ruleset, opts: ServeOptions, io: CliIO): Promise<number> {
  const index = await readFile(join(WEB, 'index.html')).catch(() => null);
  if (!index) {
    io.stderr(`senaudit: the page is not built (${join(WEB, 'index.html')} is missing): run "npm run build:web" first.\n`);
    return 2;
  }
  const server = createServer((req, res) => void handle(req, res, ruleset, opts, io));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  io.stdout(`senaudit: serving the page on http://127.0.0.1:${port}/ (this machine only); Ctrl-C to stop.\n`);
  await (opts.until ?? new Promise<void>((resolve) => process.once('SIGINT', () => resolve())));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return 0;
}

async function handle(req: IncomingMessage, res: ServerResponse, ruleset: Ruleset, opts: ServeOptions, io: CliIO): Promise<void> {
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  if (path === '/api/ping') return send(res, 200, 'application/json', '{"ok":true}');
  if (path === '/api/audit' && req.method === 'POST') return apiAudit(req, res, ruleset, opts, io);
  if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Only GET, and POST /api/audit.');
  const file = normalize(join(WEB, path === '/' ? 'index.html' : path));
  if (!file.startsWith(WEB)) return send(res, 404, 'text/plain', 'Not found.');
  const body = await readFile(file).catch(() => null);
  if (!body) return send(res, 404, 'text/plain', 'Not found.');
  send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
}

async function apiAudit(req: IncomingMessage, res: ServerResponse, ruleset: Ruleset, opts: ServeOptions, io: CliIO): Promise<void> {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > MAX_BODY) return send(res, 413, 'application/json', JSON.stringify({ error: 'The request is too large.' }));
  }
  let ask: { url?: unknown; schoolType?: unknown; asOf?: unknown };
  try {
    ask = JSON.parse(raw) as typeof ask;
  } catch {
    return send(res, 400, 'application/json', JSON.stringify({ error: 'Send {"url": "https://..."}.' }));
  }
  const url = typeof ask.url === 'string' ? ask.url.trim() : '';
  const schoolType = (SCHOOL_TYPES as readonly string[]).includes(String(ask.schoolType)) ? (ask.schoolType as SchoolType) : 'maintained_mainstream';
  const asOf = typeof ask.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(ask.asOf) ? ask.asOf : io.today();
  if (!/^https?:\/\//i.test(url)) return send(res, 400, 'application/json', JSON.stringify({ error: 'Give a web address starting with https:// or http://.' }));
  try {
    const report = await auditReport(url, ruleset, { format: 'json', schoolType, asOf, failOn: 'error', timeout: opts.timeout, maxBytes: opts.maxBytes, discover: true }, { ...io, stderr: () => undefined });
    send(res, 200, 'application/json', JSON.stringify({ report }));
  } catch (e) {
    send(res, 200, 'application/json', JSON.stringify({ error: isAuditError(e) ? e.message : `Could not check ${url}.` }));
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  // The page runs only what it was served: no other origin, no inline script, no framing.
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-ancestors 'none'",
  });
  res.end(body);
}
