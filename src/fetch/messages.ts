import { STATUS_CODES } from 'node:http';
import { AuditError } from '../errors.js';
import { tooLargeMessage } from '../size.js';
import { redactUrl } from './redact.js';

/**
 * The fetch stage's user-facing messages: each one sentence saying what went wrong and what
 * to try, with every address passed through redactUrl so credentials never leak.
 */

export function httpStatusError(url: URL, status: number, retryAfter: string | null = null): AuditError {
  const text = STATUS_CODES[status];
  return new AuditError('fetch', `Could not fetch ${redactUrl(url)}: HTTP ${status}${text ? ` ${text}` : ''}. ${statusAdvice(status)}`, {
    httpStatus: status,
    ...(retryAfter !== null ? { retryAfter } : {}),
  });
}

function statusAdvice(status: number): string {
  if (status === 401 || status === 403) return 'The server refused access; check the page opens in a browser without logging in.';
  if (status === 429 || status >= 500) return 'The server is busy or has a problem; try again later.';
  return 'Check the address in a browser.';
}

export function redirectWithoutLocation(url: URL, status: number): AuditError {
  return new AuditError(
    'fetch',
    `Could not fetch ${redactUrl(url)}: HTTP ${status} ${STATUS_CODES[status] ?? 'redirect'} without an address to go to. Check the address in a browser.`,
  );
}

export function tooManyRedirects(url: URL, followed: number): AuditError {
  return new AuditError(
    'fetch',
    `Gave up on ${redactUrl(url)}: followed ${followed} redirect${followed === 1 ? '' : 's'} without reaching a page; check the address in a browser.`,
  );
}

export function badRedirect(from: URL, location: string): AuditError {
  return new AuditError(
    'fetch',
    `${redactUrl(from)} redirected to ${redactUrl(location)}, which is not a valid web address. Check the address in a browser.`,
  );
}

export function redirectToOtherScheme(from: URL, to: URL): AuditError {
  return new AuditError(
    'fetch',
    `${redactUrl(from)} redirected to ${redactUrl(to)}, which is not an http or https address. Open it in a browser and download the report instead.`,
  );
}

export function timedOut(url: URL, timeoutMs: number): AuditError {
  return new AuditError(
    'fetch',
    `Gave up on ${redactUrl(url)} after ${formatSeconds(timeoutMs)} s (--timeout). The server is too slow; try again later or raise --timeout.`,
  );
}

export function tooLarge(url: URL, maxBytes: number): AuditError {
  return new AuditError('fetch', tooLargeMessage(redactUrl(url), maxBytes));
}

export function unsupportedCoding(url: URL, coding: string): AuditError {
  return new AuditError(
    'fetch',
    `${redactUrl(url)} was sent compressed as "${coding}", which senaudit cannot decompress. Download it in a browser and give the file's path instead.`,
  );
}

export function undecodable(url: URL): AuditError {
  return new AuditError(
    'fetch',
    `${redactUrl(url)} was sent compressed but could not be decompressed (the server sent damaged data). Try again later, or download it in a browser and give the file's path.`,
  );
}

export function invalidUrl(url: string): AuditError {
  return new AuditError('usage', `${redactUrl(url)} is not a valid http or https address. Check it, or copy it again from the browser's address bar.`);
}


function formatSeconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

export function refusedAddress(host: string, why: string): AuditError {
  const error = new AuditError('fetch', `Refused to fetch from ${host}: it is ${why}.`);
  addressRefusals.add(error);
  return error;
}

const addressRefusals = new WeakSet<object>();

/** Whether an error is the address policy refusing a host (nothing was sent to it). */
export function isAddressRefusal(e: unknown): boolean {
  return typeof e === 'object' && e !== null && addressRefusals.has(e);
}
