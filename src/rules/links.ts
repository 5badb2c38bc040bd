import type { Link } from '../document/types.js';
import type { CompiledLink, CompiledMatcher } from './compile.js';
import { normaliseForMatch } from './normalise.js';
import { testPhrases } from './phrases.js';
import type { Rule } from './types.js';

/**
 * The `link:` matcher's test of one link, shared by the evaluator and by the link-check
 * pre-pass (which must ask about exactly the links the rules would read).
 */

/** The lower-case host of an absolute http(s) URL, or null (relative, mailto:, tel:, not a URL). */
export function linkHost(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether a link can be asked if it answers: an absolute http(s) address. */
export function isCheckableUrl(url: string): boolean {
  return linkHost(url) !== null;
}

/** Host (exact or a subdomain) or URL pattern, and the link text when the matcher names phrases. Liveness is not judged here. */
export function linkMatches(m: CompiledLink, link: Link, host: string | null = linkHost(link.url)): boolean {
  if (m.hosts) {
    if (host === null || !m.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return false;
  } else if (m.url) {
    m.url.lastIndex = 0;
    if (!m.url.test(link.url)) return false;
  }
  if (m.text) {
    const text = link.text;
    if (!text || !testPhrases(m.text, normaliseForMatch(text), text)) return false;
  }
  return true;
}

/** Every `link:` matcher in a compiled matcher tree that asks for a live link. */
export function liveLinkMatchers(m: CompiledMatcher | null, out: CompiledLink[] = []): CompiledLink[] {
  if (!m) return out;
  switch (m.kind) {
    case 'link':
      if (m.live) out.push(m);
      break;
    case 'section':
      liveLinkMatchers(m.match, out);
      break;
    case 'all':
      for (const p of [...m.parts, ...m.negated]) liveLinkMatchers(p, out);
      break;
    case 'any':
      for (const p of m.parts) liveLinkMatchers(p, out);
      break;
    case 'not':
      liveLinkMatchers(m.inner, out);
      break;
    default:
      break;
  }
  return out;
}

/** The live-link matchers of a rule (its `met` and `partial` checks). */
export function ruleLiveLinks(rule: Rule): CompiledLink[] {
  return liveLinkMatchers(rule.partial, liveLinkMatchers(rule.met));
}
