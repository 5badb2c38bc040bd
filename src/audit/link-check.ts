import type { SenDocument } from '../document/types.js';
import { isCheckableUrl, linkHost, linkMatches, ruleLiveLinks } from '../rules/links.js';
import type { Ruleset } from '../rules/types.js';

/**
 * The link-check pre-pass. The rule engine never does I/O, so the links that rules with
 * `link: {live: true}` read are checked here first, and the answers go into the engine's facts
 * as `linkLive`. Only those links are checked, not every link on the page.
 */

/** Asks whether one address answers: true when HEAD (or GET, when HEAD fails) gives a status below 400. */
export type LinkProbe = (url: string, options: { timeoutMs: number; userAgent: string }) => Promise<boolean>;

export interface LinkCheckOptions {
  probe: LinkProbe;
  userAgent: string;
  /** Deadline for each link; default 10 s. */
  timeoutMs?: number;
  /** Links checked at once; default 4. */
  concurrency?: number;
}

/** The absolute http(s) addresses the rule set's live-link matchers would read in this document. */
export function linksToCheck(ruleset: Ruleset, doc: SenDocument): string[] {
  const matchers = ruleset.rules.flatMap(ruleLiveLinks);
  if (matchers.length === 0) return [];
  const urls = new Set<string>();
  for (const link of doc.links) {
    if (!isCheckableUrl(link.url) || urls.has(link.url)) continue;
    const host = linkHost(link.url);
    if (matchers.some((m) => linkMatches(m, link, host))) urls.add(link.url);
  }
  return [...urls];
}

/** Checks each address once, a few at a time; a probe that throws counts as "does not answer". */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions): Promise<Map<string, boolean>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const out = new Map<string, boolean>();
  const queue = [...new Set(urls)];
  const worker = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      let ok = false;
      try {
        ok = await options.probe(url, { timeoutMs, userAgent: options.userAgent });
      } catch {
        ok = false;
      }
      out.set(url, ok);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) }, worker));
  return out;
}

/** linksToCheck + checkLinks: the `linkLive` fact for one document (empty when no rule asks). */
export async function checkRuleLinks(ruleset: Ruleset, doc: SenDocument, options: LinkCheckOptions): Promise<Map<string, boolean>> {
  return checkLinks(linksToCheck(ruleset, doc), options);
}
