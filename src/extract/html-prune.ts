import { attr, findFirst, isElement, tagName, visibleLength, type DomNode } from './html-dom.js';

// Which parts of a web page are not the report: site navigation, headers and footers,
// scripts, cookie banners, hidden elements. Judged per element while walking, so nothing is
// removed from the tree and nothing recurses.

/** Never content. */
const NEVER_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'nav', 'footer', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'canvas', 'video', 'audio', 'map', 'select', 'option', 'datalist', 'textarea', 'input', 'head',
]);

/** ARIA landmarks that mean the same as the tags above. */
const NEVER_CONTENT_ROLES = new Set(['navigation', 'search', 'contentinfo']);

const COOKIE_RE = /cookie|consent|gdpr/i;
const SKIP_LINK_RE = /^skip(?:-?link|-?to-?content|-?nav)?s?$/i;
const SKIP_WORD_RE = /skip/i;
// Accordions and tabs hide report sections until clicked, but the text is published: keep it.
const DISCLOSURE_RE = /accordion|collaps|panel|tabs?[-_]?(?:pane|panel|content)|toggle|expand|faq|reveal|answer/i;

/** A cookie banner or form bigger than this is probably wrapping the page itself. */
const WRAPPER_TEXT = 3000;

export interface PruneContext {
  /** True inside <main>/<article>, where a <header> holds the page's own title. */
  inMain: boolean;
}

/** True when `el` and everything in it should be left out. */
export function isBoilerplate(el: DomNode, ctx: PruneContext): boolean {
  if (!isElement(el)) return false;
  const tag = tagName(el);
  if (NEVER_CONTENT.has(tag)) return true;
  const role = (attr(el, 'role') ?? '').toLowerCase();
  if (NEVER_CONTENT_ROLES.has(role)) return true;
  if ((tag === 'header' || role === 'banner') && !ctx.inMain) return true;
  // A sidebar of the site is not the page's content; an <aside> inside the page's <main> or
  // <article> is (a box of key contacts beside the report's text).
  if (isSidebar(el) && !ctx.inMain) return true;
  if (isHidden(el)) return true;
  const idClass = `${attr(el, 'id') ?? ''} ${attr(el, 'class') ?? ''}`;
  // (The cheap test first: this runs for every element of the page.)
  if (SKIP_WORD_RE.test(idClass) && idClass.split(/\s+/).some((token) => SKIP_LINK_RE.test(token))) return true;
  // Some CMSs (ASP.NET WebForms) wrap the whole page in one <form>; a cookie class can sit on a
  // wrapper too. Those are dropped only when they do not hold the page's content.
  if (tag === 'form' || (COOKIE_RE.test(idClass) && tag !== 'body' && tag !== 'html' && tag !== 'main')) {
    return !holdsContent(el);
  }
  return false;
}

/** An <aside>, or an element marked as the complementary landmark. */
export function isSidebar(el: DomNode): boolean {
  return tagName(el) === 'aside' || (attr(el, 'role') ?? '').toLowerCase() === 'complementary';
}

function isHidden(el: DomNode): boolean {
  const hidden = attr(el, 'hidden');
  if (hidden === undefined && attr(el, 'aria-hidden') === undefined) return false;
  const ariaHidden = (attr(el, 'aria-hidden') ?? '').toLowerCase() === 'true';
  // hidden="until-found" is text the browser's find-in-page reveals: it is content.
  if ((hidden === undefined || hidden === 'until-found') && !ariaHidden) return false;
  const role = (attr(el, 'role') ?? '').toLowerCase();
  const idClass = `${attr(el, 'id') ?? ''} ${attr(el, 'class') ?? ''}`;
  return !(role === 'tabpanel' || role === 'region' || DISCLOSURE_RE.test(idClass));
}

function holdsContent(el: DomNode): boolean {
  const landmark = findFirst(el, (n) => {
    const t = tagName(n);
    return t === 'main' || t === 'article' || t === 'h1' || (attr(n, 'role') ?? '').toLowerCase() === 'main';
  });
  return landmark !== null || visibleLength(el, (n) => NEVER_CONTENT.has(tagName(n))) > WRAPPER_TEXT;
}
