import robotsParserModule from 'robots-parser';
import { isAuditError } from '../errors.js';
import { isAddressRefusal } from './messages.js';
import { redactUrl } from './redact.js';
import type { FetchedResource, FetchOptions, Fetcher } from './types.js';

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

/** One origin's robots.txt: the answer as fetched (a rejection when it failed), and the rules read from it. */
export interface OriginRobots {
  response: Promise<FetchedResource>;
  rules: Promise<RobotsRules>;
}

export interface RobotsCache {
  /** The robots.txt of url's origin: the one already begun, or read now through `fetcher`. */
  read(url: string, options: FetchOptions, fetcher: Fetcher): OriginRobots;
}

const ALLOW_ALL: RobotsRules = { allows: () => true, sitemaps: [], note: null };

/**
 * Reads robots.txt once per origin (failures included, so requests to one site share one
 * fetch). The read may wait for a connection slot (the polite fetcher's), so a caller must not
 * wait for an entry while holding one. 4xx means no rules (RFC 9309 2.3.1.3); a network
 * failure or 5xx is treated as allow-all too, with a note: a school site without a working
 * robots.txt is common and the crawl is small and rate-limited, whereas refusing would leave the
 * school unaudited.
 */
export function robotsCache(onNote?: (message: string) => void): RobotsCache {
  const byOrigin = new Map<string, OriginRobots>();
  return {
    read(url, options, fetcher) {
      const origin = new URL(url).origin;
      let entry = byOrigin.get(origin);
      if (!entry) {
        const robotsUrl = `${origin}/robots.txt`;
        const response = fetcher(robotsUrl, { ...options, maxBytes: Math.min(options.maxBytes, ROBOTS_MAX_BYTES) });
        entry = { response, rules: response.then((res) => parse(robotsUrl, res), (e: unknown) => unreadable(robotsUrl, e, onNote)) };
        byOrigin.set(origin, entry);
      }
      return entry;
    },
  };
}

function parse(robotsUrl: string, res: FetchedResource): RobotsRules {
  const robot = robotsParser(robotsUrl, new TextDecoder().decode(res.bytes));
  return { allows: (u: string) => robot.isAllowed(u, ROBOTS_AGENT) !== false, sitemaps: robot.getSitemaps(), note: null };
}

function unreadable(robotsUrl: string, e: unknown, onNote?: (message: string) => void): RobotsRules {
  const status = isAuditError(e) ? e.httpStatus : undefined;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return ALLOW_ALL;
  // A host the address policy refuses: the request itself will be refused, saying why; a note
  // that its robots.txt "did not answer" would only mislead.
  if (isAddressRefusal(e)) return ALLOW_ALL;
  const why = status !== undefined ? `it answered HTTP ${status}` : 'it did not answer';
  const note = `${redactUrl(new URL(robotsUrl))} could not be read (${why}), so the site was read as if it allowed everything.`;
  onNote?.(note);
  return { ...ALLOW_ALL, note };
}

/** The sitemap addresses a robots.txt names (Sitemap: lines), resolved against its address; unreadable ones dropped. */
export function robotsSitemaps(robotsUrl: string, text: string): string[] {
  const out: string[] = [];
  for (const s of robotsParser(robotsUrl, text).getSitemaps()) {
    try {
      out.push(new URL(s, robotsUrl).href);
    } catch {
      // A Sitemap: line that is not an address is ignored, as a crawler would.
    }
  }
  return out;
}
