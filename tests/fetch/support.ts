import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { AuditError } from '../../src/errors.js';
import type { FetchOptions } from '../../src/fetch/index.js';

export const UA = 'senaudit/9.9.9-test (+https://github.com/senaudit/senaudit; SEN information report audit)';

export function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return { timeoutMs: 5_000, maxBytes: 1024 * 1024, userAgent: UA, ...overrides };
}

/** Awaits a promise that must fail with an AuditError, and returns that error. */
export async function failure(promise: Promise<unknown>): Promise<AuditError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(AuditError);
    return e as AuditError;
  }
  throw new Error('expected an AuditError, but the call succeeded');
}

/** A loopback port nothing listens on: bound, noted, released. */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Milliseconds taken by an async call, whatever its outcome. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> {
  const t0 = performance.now();
  const [result] = await Promise.allSettled([fn()]);
  return { ms: performance.now() - t0, result: result! };
}
