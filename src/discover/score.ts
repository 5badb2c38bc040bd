import { isCloudDrive } from './document-links.js';
// How promising a link is as the way to a school's SEN information report, from its text and
// address. Higher is better; 0 is an ordinary page (still crawled, last); null is never followed.

const SEN = String.raw`(?:sen(?:d|\/d)?|special educational needs(?: (?:and|&) disabilit(?:y|ies))?)`;

/** Ordered strongest first: the first that matches gives the score. */
const SIGNALS: { pattern: RegExp; score: number }[] = [
  { pattern: new RegExp(String.raw`\b${SEN}[\s_-]*(?:information|info)[\s_-]*report\b`, 'i'), score: 100 },
  { pattern: /\b(?:sen|send|sen-?d)[\s_-]*report\b/i, score: 80 },
  { pattern: /\binformation[\s_-]*report\b/i, score: 70 },
  { pattern: /\blocal[\s_-]*offer\b/i, score: 50 },
  { pattern: new RegExp(String.raw`(?:^|[^a-z])${SEN}(?:[^a-z]|$)`, 'i'), score: 40 },
  { pattern: /\b(?:inclusion|additional needs|learning support)\b/i, score: 30 },
  { pattern: /\b(?:parents?|key information|statutory information|policies|about us|our school)\b/i, score: 10 },
];

/** A policy is not the report, though it is often beside it: half the score. */
const POLICY = /\bpolic(?:y|ies)\b/i;

const NEVER = /\.(?:jpe?g|png|gif|webp|svg|ico|mp[34]|mov|avi|wmv|zip|rar|7z|exe|dmg|css|js|xml|ics|pptx?|xlsx?)(?:$|\?)/i;
const NEVER_WORDS = /\b(?:log ?out|log ?in|sign ?in|sign ?out|calendar|print this page)\b/i;

/**
 * A link scored this high names the report ("information report" or stronger): a report found
 * through it ends the search, and `audit` of a page of links names it as the one to follow.
 */
export const CONFIDENT_SCORE = 70;

/** Score of a link; null when it is not worth fetching at all. */
export function scoreLink(text: string, url: URL): number | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (NEVER.test(url.pathname) || NEVER_WORDS.test(text)) return null;
  // Calendar-style query strings multiply pages without end.
  if (url.search.length > 80 || /[?&](?:month|year|date|page|start)=/i.test(url.search)) return null;
  const path = decodeURIComponent(url.pathname).replace(/[/_.+-]+/g, ' ');
  let best = 0;
  for (const where of [text, path]) {
    const hit = SIGNALS.find((s) => s.pattern.test(where));
    if (hit) best = Math.max(best, POLICY.test(where) && hit.score > 10 ? hit.score / 2 : hit.score);
  }
  // A document linked with report words is likely the report itself.
  if (best > 10 && isDocumentUrl(url)) best += 5;
  return best;
}

export function isDocumentUrl(url: URL): boolean {
  return /\.(?:pdf|docx)$/i.test(url.pathname) || isCloudDrive(url);
}

/** Link words that say only that it is a file ("Download", "View", "PDF, 240 KB"): its context tells what about. */
const GENERIC_TEXT = /^(?:(?:click |tap )?here|download(?: (?:here|now|the (?:file|document|pdf)|pdf))?|view(?: (?:here|online|document|pdf|file))?|open|read(?: (?:more|it|online))?|more(?: info(?:rmation)?)?|pdf|docx?|file|document|link|see (?:here|more))?[\s()[\].,:|-]*(?:\(?(?:pdf|docx?)\)?[\s,]*)?(?:\d+(?:\.\d+)? ?[kmg]b)?\)?$/i;

/** Words that make a link worth following onto another host's pages: SEND, or the policies a trust keeps for its schools. */
const OFF_SITE_WORDS = /\b(?:sen(?:d|co)?|special educational needs|information report|polic(?:y|ies)|statutory information|key information)\b/i;
/** Hosts that never hold a school's own report: national bodies and social media. */
const NATIONAL_HOSTS = /(?:^|\.)(?:gov\.uk|nhs\.uk|wikipedia\.org|facebook\.com|twitter\.com|x\.com|youtube\.com|instagram\.com|linkedin\.com|google\.com|apple\.com|microsoft\.com)$/i;

/**
 * Whether a link may lead onto another host's web pages (a multi-academy trust's policies): its
 * words or context are about SEND or policies, not the Local Offer (the council's directory of
 * services), and the host is not a national body's or a social network's.
 */
export function worthFollowingOffSite(words: string, url: URL): boolean {
  return OFF_SITE_WORDS.test(words) && !/\blocal[\s_-]*offer\b/i.test(words) && !NATIONAL_HOSTS.test(url.hostname);
}

/** Whether a link's own words say nothing of what it leads to. */
export function isGenericLinkText(text: string): boolean {
  return text.length <= 40 && GENERIC_TEXT.test(text.trim());
}

/**
 * An address that looks like a file to download even without a .pdf or .docx ending (school
 * website systems often serve documents from /uploads/, /docs/123 or ?file=...).
 */
export function looksLikeFile(url: URL): boolean {
  return (
    isDocumentUrl(url) ||
    /\/(?:downloads?|uploads?|files?|media|documents?|docs|attachments?|assets)(?:[/?]|$)|getfile|(?:file|download|attachment|document)s?\.(?:aspx?|php|ashx)|[?&](?:file|download|attachment|docid|fileid)=/i.test(url.pathname + url.search)
  );
}
