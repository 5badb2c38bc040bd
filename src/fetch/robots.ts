import robotsParserModule from 'robots-parser';
import { isAuditError } from '../errors.js';
import { redactUrl } from './redact.js';
import type { FetchOptions, Fetcher } from './types.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS with a default-export declaration; under NodeNext the default
// import is the module object's default, so it is cast to the function it is (stack-notes.md).
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

/** The product token matched against robots.txt User-agent lines. */
export const ROBOTS_AGENT = 'senaudit';

/** robots.txt is small; a larger answer is not a robots.txt worth reading whole. */
const ROBOTS_MAX_BYTES = 512 * 1024;

/** robots.txt answers for one origin; a missing or unreadable file allows everything. */
export interface RobotsRules {
  allows(url: string): boolean;
  sitemaps: string[];
  /**
   * Set when robots.txt could not be read (a 5xx or 429 answer, or no answer at all) and the
   * site is therefore read as if it allowed everything; null when it was read or is absent (4xx).
   */
  note: string | null;
}

const ALLOW_ALL: RobotsRules = { allows: () => true, sitemaps: [], note: null };

/**
 * Reads robots.txt once per origin (the promise is cached, failures included, so concurrent
 * requests to one site share one fetch). 4xx means no rules (RFC 9309 2.3.1.3); a network
 * failure or 5xx is treated as allow-all too, with a note: a school site without a working
 * robots.txt is common and the crawl is small and rate-limited, whereas refusing would leave
 * the school unaudited.
 */
export function robotsCache(
  fetcher: Fetcher,
  onNote?: (message: string) => void,
): (url: string, options: FetchOptions) => Promise<RobotsRules> {
  const byOrigin = new Map<string, Promise<RobotsRules>>();
  return (url, options) => {
    const origin = new URL(url).origin;
    let rules = byOrigin.get(origin);
    if (!rules) {
      const robotsUrl = `${origin}/robots.txt`;
      rules = fetcher(robotsUrl, { ...options, maxBytes: Math.min(options.maxBytes, ROBOTS_MAX_BYTES) }).then(
        (res): RobotsRules => {
          const robot = robotsParser(robotsUrl, new TextDecoder().decode(res.bytes));
          return { allows: (u: string) => robot.isAllowed(u, ROBOTS_AGENT) !== false, sitemaps: robot.getSitemaps(), note: null };
        },
        (e: unknown): RobotsRules => {
          const status = isAuditError(e) ? e.httpStatus : undefined;
          if (status !== undefined && status >= 400 && status < 500 && status !== 429) return ALLOW_ALL;
          const why = status !== undefined ? `it answered HTTP ${status}` : 'it did not answer';
          const note = `${redactUrl(new URL(robotsUrl))} could not be read (${why}), so the site was read as if it allowed everything.`;
          onNote?.(note);
          return { ...ALLOW_ALL, note };
        },
      );
      byOrigin.set(origin, rules);
    }
    return rules;
  };
}
