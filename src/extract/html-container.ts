import { attr, findFirst, isElement, tagName, visibleLength, walk, type DomNode } from './html-dom.js';
import { isBoilerplate, type PruneContext } from './html-prune.js';

// Where a page's own content is. School sites wrap the report in menus, sidebars, news
// tickers and footers that often are not marked up as <nav> or <aside>; the main content
// container, when the page has one, leaves all that out.

export interface ContentChoice {
  /** The containers to read, in document order (the body when no container qualifies). */
  roots: DomNode[];
  /** A page-title <h1> that sits above the chosen container (in a banner), or null. */
  titleOutside: DomNode | null;
}

const CONTENT_TOKEN_RE =
  /^(?:content|main|maincontent|main-content|page-content|pagecontent|site-content|entry-content|post-content|article-content|body-content|content-area|content-main|main-area|primary)$/i;

/** Candidate tiers, best first: landmarks, then articles, then content-named containers. */
function tierOf(el: DomNode): number | null {
  const tag = tagName(el);
  if (tag === 'main' || (attr(el, 'role') ?? '').toLowerCase() === 'main') return 0;
  if (tag === 'article') return 1;
  if (tag === 'body' || tag === 'html') return null;
  const tokens = [attr(el, 'id') ?? '', ...(attr(el, 'class') ?? '').split(/\s+/)].map((t) => t.replace(/_/g, '-'));
  return tokens.some((t) => CONTENT_TOKEN_RE.test(t)) ? 2 : null;
}

/** A container holding at least this share of the page's text (or this many characters) is the content. */
const MIN_SHARE = 0.25;
const ENOUGH_CHARS = 1500;

export function chooseContent(body: DomNode): ContentChoice {
  const tiers: DomNode[][] = [[], [], []];
  const open = [0, 0, 0];
  const order = new Map<DomNode, number>();
  let firstH1: DomNode | null = null;
  let mainDepth = 0;
  const ctx: PruneContext = { inMain: false };

  walk(
    body,
    (node) => {
      if (!isElement(node)) return;
      ctx.inMain = mainDepth > 0;
      if (node !== body && isBoilerplate(node, ctx)) return 'skip';
      order.set(node, order.size);
      const tag = tagName(node);
      if (tag === 'main' || tag === 'article') mainDepth++;
      if (tag === 'h1' && !firstH1) firstH1 = node;
      const tier = tierOf(node);
      if (tier !== null) {
        if (open[tier] === 0) tiers[tier]!.push(node); // outermost match of its tier only
        open[tier]!++;
      }
    },
    (node) => {
      if (!isElement(node)) return;
      const tag = tagName(node);
      if (tag === 'main' || tag === 'article') mainDepth--;
      const tier = tierOf(node);
      if (tier !== null) open[tier]!--;
    },
  );

  const skip = (el: DomNode) => isBoilerplate(el, { inMain: false });
  const bodyLength = visibleLength(body, skip);
  let roots = [body];
  for (const matches of tiers) {
    if (matches.length === 0) continue;
    const length = matches.reduce((sum, m) => sum + visibleLength(m, skip), 0);
    if (length > 0 && (length >= bodyLength * MIN_SHARE || length >= ENOUGH_CHARS)) {
      roots = matches;
      break;
    }
  }

  let titleOutside: DomNode | null = null;
  const h1: DomNode | null = firstH1;
  if (h1 && roots[0] !== body) {
    const inside = roots.some((r) => findFirst(r, (n) => tagName(n) === 'h1') !== null);
    if (!inside && (order.get(h1) ?? 0) < (order.get(roots[0]!) ?? 0)) titleOutside = h1;
  }
  return { roots, titleOutside };
}
