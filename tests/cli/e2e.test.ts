import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makePdf } from '../helpers/pdf.js';
import { startServer, type TestServer } from '../helpers/server.js';

// The real CLI, spawned as a user runs it, against a real HTTP server on 127.0.0.1.

const EXAMPLE_HTML = readFileSync(`${REPO_ROOT}/fixtures/examples/oakfield-primary.html`);
const SENCO_SENTENCE = 'Our SENCO is Mr David Okafor, who you can contact at senco@hillview.example.sch.uk or on 01632 960 456.';

// windows-1252 bytes: 0xE2 is "â", 0x92 is a right single quote, 0xA3 is "£".
const LATIN_PAGE = Buffer.concat([
  Buffer.from('<html><head><title>SEN report</title></head><body><main><h1>SEN Information Report</h1><p>Our SENCO is Mrs Si', 'latin1'),
  Buffer.from([0xe2]),
  Buffer.from('n Hughes. Email senco@valley.example.sch.uk or call 01632 960 789.</p><p>We spent ', 'latin1'),
  Buffer.from([0xa3]),
  Buffer.from('2,000 on equipment for pupils with SEN this year, including writing slopes and ear defenders. Each child', 'latin1'),
  Buffer.from([0x92]),
  Buffer.from('s plan is reviewed every term with parents.</p></main></body></html>', 'latin1'),
]);

let server: TestServer;

beforeAll(async () => {
  const pdf = await makePdf([
    {
      heading: 'Hillview Primary School SEN Information Report',
      paragraphs: ['This report was last updated in October 2026.', 'We provide for pupils with autism, dyslexia and speech and language needs.'],
    },
    { heading: 'Who is our SENCO?', paragraphs: [SENCO_SENTENCE] },
    { heading: 'Complaints', paragraphs: ['If you are unhappy with the support your child receives, please follow our complaints policy.'] },
  ]);
  server = await startServer({
    '/report.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(EXAMPLE_HTML);
    },
    '/report.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(pdf);
    },
    '/download': (_req, res) => {
      // Wrong Content-Type on purpose: the bytes say PDF.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(pdf);
    },
    '/old-send-page': (_req, res) => {
      res.writeHead(301, { location: '/report.html' });
      res.end();
    },
    '/latin.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      res.end(LATIN_PAGE);
    },
  });
});

afterAll(async () => {
  await server.close();
});

async function auditJson(target: string, ...extra: string[]) {
  const r = await runCli(['audit', target, '--format', 'json', '--as-of', '2026-11-01', ...extra]);
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as AuditReport) : null };
}

const status = (report: AuditReport | null, id: string) => report?.results.find((r) => r.id === id)?.status;

describe('senaudit audit <url>', () => {
  it('audits an HTML report: every rule met, exit 0, JSON contract fields present', async () => {
    const { code, report, stderr } = await auditJson(server.url('/report.html'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'senaudit' },
      target: server.url('/report.html'),
      finalUrl: server.url('/report.html'),
      asOf: '2026-11-01',
      schoolType: 'maintained_mainstream',
      document: { format: 'html', kind: 'report', textLayer: true, pages: null },
    });
    expect(report!.results).toHaveLength(26);
    const senco = report!.results.find((r) => r.id === 'senco-contact')!;
    expect(senco.status).toBe('met');
    expect(senco.evidence[0]!.quote).toContain('Mrs Amina Clarke');
    expect(report!.summary.missing).toBe(0);
  });

  it('audits a PDF report and gives the page of each quote', async () => {
    const { code, report } = await auditJson(server.url('/report.pdf'));
    expect(report!.document).toMatchObject({ format: 'pdf', pages: 3, textLayer: true });
    const senco = report!.results.find((r) => r.id === 'senco-contact')!;
    expect(senco.status).toBe('met');
    expect(senco.evidence[0]).toMatchObject({ page: 2 });
    expect(senco.evidence[0]!.quote).toContain('Mr David Okafor');
    expect(status(report, 'complaints')).toBe('met');
    expect(report!.results.find((r) => r.id === 'complaints')!.evidence[0]!.page).toBe(3);
    // A three-page excerpt misses most statutory items: gaps, so exit 1.
    expect(status(report, 'local-offer')).toBe('missing');
    expect(code).toBe(1);
  });

  it('decides the type from the bytes when the Content-Type is wrong', async () => {
    const { report } = await auditJson(server.url('/download'));
    expect(report!.document.format).toBe('pdf');
  });

  it('follows a redirect and reports the final URL', async () => {
    const { code, report } = await auditJson(server.url('/old-send-page'));
    expect(code).toBe(0);
    expect(report!.finalUrl).toBe(server.url('/report.html'));
    expect(report!.target).toBe(server.url('/old-send-page'));
  });

  it('decodes a windows-1252 page', async () => {
    const { report } = await auditJson(server.url('/latin.html'));
    const senco = report!.results.find((r) => r.id === 'senco-contact')!;
    expect(senco.status).toBe('met');
    expect(senco.evidence[0]!.quote).toContain('Mrs Si\u00e2n Hughes');
    expect(JSON.stringify(report)).not.toContain('\ufffd');
  });

  it('says plainly that a 404 could not be audited, exit 2, one line', async () => {
    const { code, stdout, stderr } = await runCli(['audit', server.url('/no-such-report')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/404/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints a readable text report with the citation and evidence, no colour when not a TTY', async () => {
    const { code, stdout } = await runCli(['audit', server.url('/report.pdf'), '--as-of', '2026-11-01']);
    expect(code).toBe(1);
    expect(stdout).toContain('senco-contact');
    expect(stdout).toContain('SEND Regulations 2014 Sch 1 para 4');
    expect(stdout).toContain('Mr David Okafor');
    expect(stdout).toMatch(/page 2/);
    expect(stdout).toMatch(/Summary: \d+ met/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });
});
