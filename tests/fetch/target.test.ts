import { describe, expect, it } from 'vitest';
import { AuditError } from '../../src/errors.js';
import { classifyTarget, isUrl, userAgent } from '../../src/fetch/index.js';

function usageError(fn: () => unknown): AuditError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AuditError);
    expect((e as AuditError).code).toBe('usage');
    return e as AuditError;
  }
  throw new Error('expected a usage error');
}

describe('classifyTarget and isUrl', () => {
  it('http and https addresses are URLs, kept as given', () => {
    expect(classifyTarget('https://school.example.sch.uk/send')).toEqual({ kind: 'url', url: 'https://school.example.sch.uk/send' });
    expect(classifyTarget('HTTP://school.example.sch.uk/')).toEqual({ kind: 'url', url: 'HTTP://school.example.sch.uk/' });
    expect(isUrl('http://127.0.0.1:8080/report.pdf')).toBe(true);
  });

  it('paths are files, including Windows drive paths and names with colons', () => {
    expect(classifyTarget('reports/send.pdf')).toEqual({ kind: 'file', path: 'reports/send.pdf' });
    expect(classifyTarget('C:\\reports\\send.pdf')).toEqual({ kind: 'file', path: 'C:\\reports\\send.pdf' });
    expect(classifyTarget('/tmp/send report: 2025.pdf')).toEqual({ kind: 'file', path: '/tmp/send report: 2025.pdf' });
    expect(isUrl('send.html')).toBe(false);
  });

  it('other schemes are a usage error that says what to do', () => {
    for (const target of ['ftp://files.example.sch.uk/send.pdf', 'file:///home/me/send.pdf', 'mailto:senco@example.sch.uk']) {
      const err = usageError(() => isUrl(target));
      expect(err.message).toMatch(/^Only http and https addresses can be audited: .+\. Download the report and give the path of the file instead\.$/);
    }
  });

  it('an http address with no host is a usage error', () => {
    usageError(() => classifyTarget('http://'));
  });
});

describe('userAgent', () => {
  it('names senaudit, its version and where to find out more', () => {
    expect(userAgent('1.2.3')).toBe('senaudit/1.2.3 (+https://github.com/senaudit/senaudit; SEN information report audit)');
  });
});
