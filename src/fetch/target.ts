import { AuditError } from '../errors.js';
import { redactUrl } from './redact.js';

export type Target = { kind: 'url'; url: string } | { kind: 'file'; path: string };

// A scheme needs two or more letters, so a Windows path such as C:\report.pdf is still a file.
const SCHEME_WITH_SLASHES = /^([a-z][a-z0-9+.-]+):\/\//i;
// Schemes people paste without slashes; anything else with a colon is taken as a file name.
const BARE_SCHEME = /^(https?|file|ftp|ftps|sftp|mailto|data|javascript):/i;

/** Decides whether the audit target is a web address or a local file path. */
export function classifyTarget(target: string): Target {
  const scheme = (SCHEME_WITH_SLASHES.exec(target) ?? BARE_SCHEME.exec(target))?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'file', path: target };
  if (scheme !== 'http' && scheme !== 'https') {
    throw new AuditError(
      'usage',
      `Only http and https addresses can be audited: ${redactUrl(target)}. Download the report and give the path of the file instead.`,
    );
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new AuditError('usage', `${redactUrl(target)} is not a valid web address. Check it, or copy it again from the browser's address bar.`);
  }
  if (!url.hostname) {
    throw new AuditError('usage', `${redactUrl(target)} has no host name. Give the full address, e.g. https://school.example.sch.uk/send.`);
  }
  // Keep the address as given: credentials in it are still needed by the fetcher.
  return { kind: 'url', url: target };
}

/** True for an http(s) address, false for a file path; throws for other schemes (ftp:, file:). */
export function isUrl(target: string): boolean {
  return classifyTarget(target).kind === 'url';
}
