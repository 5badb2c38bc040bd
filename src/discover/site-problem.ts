import type { SenDocument } from '../document/types.js';
import type { PageNav } from '../extract/page-links.js';
import { wordCount } from '../facts/index.js';

// A start page that cannot lead to the report says why, in words an officer can act on: a
// login wall, a page built entirely by scripts in the browser, or a parked domain.

const PARKED = /\b(?:(?:this|the) domain (?:name )?(?:is|may be) for sale|buy this domain|domain (?:has )?expired|this domain is parked|parked (?:free|domain)|domain parking|is registered (?:with|at|by) [\w.-]+ and (?:is )?parked)\b/i;

/** Why the site's start page leads nowhere, or null when nothing stands out. */
export function siteProblem(doc: SenDocument, nav: PageNav | null): string | null {
  const text = doc.blocks.map((b) => b.text).join(' ');
  if (PARKED.test(`${doc.title ?? ''} ${text}`)) {
    return "The address looks like a parked domain (it says the domain is for sale or parked): the school's website has probably moved, so check its address in GIAS.";
  }
  if (nav?.loginForm && nav.links.length < 10) {
    return 'The site shows a login form instead of public pages, so the report could not be looked for: the report must be on a public page.';
  }
  if (nav && nav.scripts > 0 && nav.links.length === 0 && wordCount(doc) < 50) {
    return 'The site is built by scripts in the browser: its pages have no links or text without them, so the report could not be looked for. Audit the report\'s own address instead.';
  }
  return null;
}
