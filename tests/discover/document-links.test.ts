import { describe, expect, it } from 'vitest';
import { directDownload, documentInViewer, documentTarget } from '../../src/discover/document-links.js';
import { dispositionName, nameBonus, schoolNameWords } from '../../src/discover/hints.js';
import { isGenericLinkText, looksLikeFile, scoreLink, worthFollowingOffSite } from '../../src/discover/score.js';
import { fallbackSteps } from '../../src/discover/fallback.js';

const u = (s: string) => new URL(s);

describe('documents behind viewers and share links', () => {
  it('finds the document a viewer shows: the site’s own, PDF.js, Google’s and Office Online’s', () => {
    expect(documentInViewer(u('https://oak.sch.test/viewer?file=/docs/x.pdf'))?.href).toBe('https://oak.sch.test/docs/x.pdf');
    expect(documentInViewer(u('https://oak.sch.test/pdfjs/web/viewer.html?file=%2Fdocs%2Fsen%20report.pdf'))?.href).toBe('https://oak.sch.test/docs/sen%20report.pdf');
    expect(documentInViewer(u('https://docs.google.com/viewer?url=https%3A%2F%2Foak.sch.test%2Fa.pdf&embedded=true'))?.href).toBe('https://oak.sch.test/a.pdf');
    expect(documentInViewer(u('https://docs.google.com/gview?url=https://oak.sch.test/a.pdf'))?.href).toBe('https://oak.sch.test/a.pdf');
    expect(documentInViewer(u('https://view.officeapps.live.com/op/embed.aspx?src=https%3A%2F%2Foak.sch.test%2Fr.docx'))?.href).toBe('https://oak.sch.test/r.docx');
    expect(documentInViewer(u('https://oak.sch.test/page/viewer?doc=javascript:alert(1)'))).toBeNull();
    // Not viewers: an ordinary page with a "url" field, a download endpoint.
    expect(documentInViewer(u('https://oak.sch.test/redirect?url=https://elsewhere.test/'))).toBeNull();
    expect(documentInViewer(u('https://oak.sch.test/file.aspx?f=82'))).toBeNull();
  });

  it('rewrites cloud-drive share links to their direct downloads', () => {
    expect(directDownload(u('https://drive.google.com/file/d/1AbC-d_9/view?usp=sharing')).href).toBe('https://drive.google.com/uc?export=download&id=1AbC-d_9');
    expect(directDownload(u('https://drive.google.com/open?id=1AbC')).href).toBe('https://drive.google.com/uc?export=download&id=1AbC');
    expect(directDownload(u('https://docs.google.com/document/d/1AbC/edit?usp=sharing')).href).toBe('https://docs.google.com/document/d/1AbC/export?format=docx');
    expect(directDownload(u('https://www.dropbox.com/s/abc/report.pdf?dl=0')).href).toBe('https://www.dropbox.com/s/abc/report.pdf?dl=1');
    expect(directDownload(u('https://trust.sharepoint.com/:b:/s/p/EaB?e=1')).href).toBe('https://trust.sharepoint.com/:b:/s/p/EaB?e=1&download=1');
    expect(directDownload(u('https://onedrive.live.com/view.aspx?resid=1')).searchParams.get('download')).toBe('1');
    expect(directDownload(u('https://oak.sch.test/a.pdf')).href).toBe('https://oak.sch.test/a.pdf');
    // A viewer showing a share link: both rewrites.
    expect(documentTarget(u(`https://docs.google.com/viewer?url=${encodeURIComponent('https://www.dropbox.com/s/x/r.pdf?dl=0')}`)).href).toBe('https://www.dropbox.com/s/x/r.pdf?dl=1');
  });
});

describe('link words and download endpoints', () => {
  it('tells generic link words from words that say what a link is', () => {
    for (const t of ['Download', 'View', 'Download (PDF, 240 KB)', 'click here', 'Read more', 'PDF', '']) expect(isGenericLinkText(t), t).toBe(true);
    for (const t of ['SEN Information Report', 'Download our SEND Information Report', 'Policies', 'Term dates']) expect(isGenericLinkText(t), t).toBe(false);
  });
  it('download endpoints without a file name look like files', () => {
    for (const a of ['https://s.test/download/1234', 'https://s.test/file.aspx?f=82', 'https://s.test/attachment?id=55', 'https://s.test/getfile?fileid=9', 'https://drive.google.com/uc?export=download&id=1']) {
      expect(looksLikeFile(u(a)), a).toBe(true);
    }
    expect(looksLikeFile(u('https://s.test/page.php?id=12'))).toBe(false);
  });
  it('reads the file name from Content-Disposition, plain or RFC 5987', () => {
    expect(dispositionName('attachment; filename="SEN-Information-Report.pdf"')).toBe('SEN-Information-Report.pdf');
    expect(dispositionName("attachment; filename=x.pdf; filename*=UTF-8''SEND%20Information%20Report.pdf")).toBe('SEND Information Report.pdf');
    expect(dispositionName('inline')).toBeNull();
    expect(dispositionName(null)).toBeNull();
    expect(scoreLink(dispositionName('attachment; filename="SEN-Information-Report.pdf"')!, u('https://s.test/download/1'))).toBeGreaterThanOrEqual(100);
  });
  it('follows links onto another host only when they are about SEND or policies, never the Local Offer or national sites', () => {
    expect(worthFollowingOffSite('Trust policies', u('https://trust.test/policies/'))).toBe(true);
    expect(worthFollowingOffSite('Our SEND documents', u('https://trust.test/send/'))).toBe(true);
    expect(worthFollowingOffSite('Anyshire SEND Local Offer', u('https://anyshire.test/local-offer'))).toBe(false);
    expect(worthFollowingOffSite('SEND Code of Practice', u('https://www.gov.uk/government/publications/send-code-of-practice-0-to-25'))).toBe(false);
    expect(worthFollowingOffSite('Our trust', u('https://trust.test/'))).toBe(false);
  });
  it('prefers, on a page listing many schools, links that name the school', () => {
    expect(schoolNameWords("St Mary's C of E Primary School")).toEqual(['mary']);
    expect(schoolNameWords('Oak Hill Academy')).toEqual(['oak', 'hill']);
    expect(nameBonus(['oak', 'hill'], 'Oak Hill SEN Information Report')).toBeGreaterThan(0);
    expect(nameBonus(['oak', 'hill'], 'Ashgrove SEN Information Report')).toBe(0);
  });
  it('tries the site search first, then the common SEND addresses at the root and under the usual sections', () => {
    const steps = fallbackSteps(u('https://oak.sch.test/home'), 'https://oak.sch.test/search?q=');
    expect(steps[0]!.url.href).toBe('https://oak.sch.test/search?q=SEN%20information%20report');
    const paths = steps.slice(1).map((s) => s.url.pathname);
    expect(paths.slice(0, 6)).toEqual(['/send', '/sen-information-report', '/send-information-report', '/sen', '/special-educational-needs', '/senco']);
    expect(paths).toContain('/parents/send');
    expect(paths).toContain('/key-information/sen-information-report');
    expect(paths).toContain('/policies/send-information-report');
    expect(paths.length).toBeLessThanOrEqual(20);
  });
});
