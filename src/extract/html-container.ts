import { attr, findFirst, isElement, nonSpaceLength, tagName, textOf, walk, type DomNode } from './html-dom.js';
import { isBoilerplate, isSidebar, type PruneContext } from './html-prune.js';

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
  const outsideMain: PruneContext = { inMain: false };

  // One walk does it all: the candidates, and every element's visible length (text outside
  // boilerplate, judged as if outside <main>), summed up the tree as elements are left.
  // Walking each candidate again, and judging every element twice, was a quarter of the time
  // to extract a long page.
  const lengths = new Map<DomNode, number>();
  const counted: number[] = [0];
  const notCounted = new Set<DomNode>(); // walked (a header inside <main>) but not in lengths
  const tierOpen = new Map<DomNode, number>();
  const sidebars: DomNode[] = [];

  walk(
    body,
    (node) => {
      if (node.type === 'text') {
        counted[counted.length - 1]! += nonSpaceLength(node.data ?? '');
        return;
      }
      if (!isElement(node)) return;
      if (node !== body && isBoilerplate(node, outsideMain)) {
        if (mainDepth === 0 && isSidebar(node)) sidebars.push(node);
        // Inside <main> a <header> is the page's own title block: walk it, but do not count it.
        ctx.inMain = mainDepth > 0;
        if (!ctx.inMain || isBoilerplate(node, ctx)) return 'skip';
        notCounted.add(node);
      }
      order.set(node, order.size);
      counted.push(0);
      const tag = tagName(node);
      if (tag === 'main' || tag === 'article') mainDepth++;
      if (tag === 'h1' && !firstH1) firstH1 = node;
      const tier = tierOf(node);
      if (tier !== null) {
        if (open[tier] === 0) tiers[tier]!.push(node); // outermost match of its tier only
        open[tier]!++;
        tierOpen.set(node, tier);
      }
    },
    (node) => {
      if (!isElement(node)) return;
      const length = counted.pop()!;
      lengths.set(node, length);
      if (!notCounted.has(node)) counted[counted.length - 1]! += length;
      const tag = tagName(node);
      if (tag === 'main' || tag === 'article') mainDepth--;
      const tier = tierOpen.get(node);
      if (tier !== undefined) open[tier]!--;
    },
  );

  // (When the page has no <body> element, `body` is the document root: its total is counted[0].)
  const bodyLength = lengths.get(body) ?? counted[0]!;
  let roots = [body];
  for (const matches of tiers) {
    if (matches.length === 0) continue;
    const length = matches.reduce((sum, m) => sum + (lengths.get(m) ?? 0), 0);
    if (length > 0 && (length >= bodyLength * MIN_SHARE || length >= ENOUGH_CHARS)) {
      roots = matches;
      break;
    }
  }

  // The page's sidebar holding the SENCO's contact card belongs to the report.
  if (roots[0] !== body) roots = [...roots, ...sidebars.filter(isSenContactCard)];

  let titleOutside: DomNode | null = null;
  const h1: DomNode | null = firstH1;
  if (h1 && roots[0] !== body) {
    const inside = roots.some((r) => findFirst(r, (n) => tagName(n) === 'h1') !== null);
    if (!inside && (order.get(h1) ?? 0) < (order.get(roots[0]!) ?? 0)) titleOutside = h1;
  }
  return { roots, titleOutside };
}

const SEN_ROLE_RE = /\b(?:SENCO|SENDCO|SENCo|SENDCo|SEN Co-?ordinator|SEND Co-?ordinator|Inclusion (?:Lead|Leader|Manager|Co-?ordinator|Team))\b/i;
const CONTACT_RE = /@|\b0\d{3,4}[\s-]?\d{3}[\s-]?\d{3,4}\b/;
/** A sidebar this long is more than a contact card (news, events, a second menu). */
const MAX_CARD_CHARS = 600;

/**
 * A site's sidebar beside the report that is a contact card for its SEN lead: short, naming the
 * role, with an email address or a phone number. School CMSs put "Contact our SENCO" there; the
 * rest of a sidebar (news, events, quick links) is left out with it.
 */
function isSenContactCard(aside: DomNode): boolean {
  // Its text pieces kept apart ("Contact our SENCO" and "01632 960 414" are separate elements).
  const text = textOf(aside, undefined, ' ');
  return text.replace(/\s/g, '').length <= MAX_CARD_CHARS && SEN_ROLE_RE.test(text) && CONTACT_RE.test(text);
}
