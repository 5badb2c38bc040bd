import robotsParserModule from 'robots-parser';
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

/** robots.txt answers for one origin; a missing or unreadable file allows everything. */
export interface RobotsRules {
  allows(url: string): boolean;
  sitemaps: string[];
}

const ALLOW_ALL: RobotsRules = { allows: () => true, sitemaps: [] };

/**
 * Reads robots.txt once per origin (the promise is cached, so concurrent requests to one site
 * share one fetch). 4xx means no rules (RFC 9309 2.3.1.3); a network failure or 5xx is treated
 * as allow-all too: a school site without a working robots.txt is common and the crawl is
 * small and rate-limited, whereas refusing would leave the school unaudited.
 */
export function robotsCache(fetcher: Fetcher): (url: string, options: FetchOptions) => Promise<RobotsRules> {
  const byOrigin = new Map<string, Promise<RobotsRules>>();
  return (url, options) => {
    const origin = new URL(url).origin;
    let rules = byOrigin.get(origin);
    if (!rules) {
      const robotsUrl = `${origin}/robots.txt`;
      rules = fetcher(robotsUrl, { ...options, maxBytes: Math.min(options.maxBytes, 512 * 1024) }).then(
        (res) => {
          const robot = robotsParser(robotsUrl, new TextDecoder().decode(res.bytes));
          return { allows: (u: string) => robot.isAllowed(u, ROBOTS_AGENT) !== false, sitemaps: robot.getSitemaps() };
        },
        () => ALLOW_ALL,
      );
      byOrigin.set(origin, rules);
    }
    return rules;
  };
}
