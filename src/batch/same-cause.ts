import type { SchoolOutcome } from './types.js';

// When the first schools of a batch all fail for one reason that is a setting of this machine or
// run, not of the schools (the address policy, DNS, TLS, the network), the rest would fail the same
// way: one message naming the setting beats hundreds of identical error rows (issue #18).

/** Schools looked at before deciding; fewer when the list is shorter (at least MIN_SCHOOLS). */
export const FIRST_SCHOOLS = 5;
const MIN_SCHOOLS = 3;

const SETTINGS: { test: RegExp; say: (n: number) => string }[] = [
  {
    test: /^Refused to fetch from .*: it is a (?:loopback|private) address\b/,
    say: (n) => `the first ${n} schools were all refused for one reason: their addresses are on this machine or a private network, which batch runs do not fetch. If they are your own test servers, add --allow-private; otherwise check the list's website column.`,
  },
  {
    test: /\b(?:no such host was found|the name could not be looked up)\b/,
    say: (n) => `the first ${n} schools all failed for one reason: their names could not be looked up (DNS). Check this machine's network connection, its DNS settings and any proxy it must use (HTTPS_PROXY).`,
  },
  {
    test: /\b(?:security certificate|the secure connection failed)\b/,
    say: (n) => `the first ${n} schools all failed for one reason: secure connections to them failed (certificates). Check this machine's clock and certificate store, or a proxy that intercepts HTTPS (NODE_EXTRA_CA_CERTS names its certificate).`,
  },
  {
    test: /\b(?:the network is unreachable)\b/,
    say: (n) => `the first ${n} schools all failed for one reason: the network is unreachable. Check this machine's network connection and any proxy it must use (HTTPS_PROXY).`,
  },
];

/**
 * The setting the first schools all failed on, said with what to do; null when they did not all
 * fail, failed for different reasons, or for reasons that belong to the schools.
 */
export function sameSettingFailure(first: readonly SchoolOutcome[]): string | null {
  if (first.length < MIN_SCHOOLS || !first.every((o) => o.status === 'error')) return null;
  const messages = first.map((o) => (o.status === 'error' ? o.error.message : ''));
  const setting = SETTINGS.find((s) => messages.every((m) => s.test.test(m)));
  return setting ? `${setting.say(first.length)} No more schools were started; once it is fixed, run the same command with --resume.` : null;
}
