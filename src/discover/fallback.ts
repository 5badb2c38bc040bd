// When a site's links lead nowhere (menus built by script, or a report no page links to), the
// addresses school website systems commonly give the SEND pages are tried, and the site's own
// search is asked, before the site is called a site without a report.

/** Page names for SEND pages, most common first; the first three are also tried under each section. */
const NAMES = ['send', 'sen-information-report', 'send-information-report', 'sen', 'special-educational-needs', 'senco'];
/** The sections they sit under, after the site's root. */
const SECTIONS = ['parents/', 'key-information/', 'information/', 'policies/'];
/** Names tried under each section: a site with none of them is not asked for all thirty. */
const NAMES_PER_SECTION = 3;

/** Score of a fallback step: below a link that names the report, above an ordinary page. */
const FALLBACK_SCORE = 45;

export interface FallbackStep {
  url: URL;
  score: number;
}

/** The site search for the report first (it knows the site), then the common addresses, at most MAX_COMMON. */
export function fallbackSteps(site: URL, searchUrl: string | null): FallbackStep[] {
  const steps: FallbackStep[] = [];
  if (searchUrl) {
    try {
      steps.push({ url: new URL(`${searchUrl}${encodeURIComponent('SEN information report')}`), score: FALLBACK_SCORE + 1 });
    } catch {
      // a search form with an unusable action: the common addresses still stand
    }
  }
  const paths = NAMES.map((n) => `/${n}`);
  for (const section of SECTIONS) for (const name of NAMES.slice(0, NAMES_PER_SECTION)) paths.push(`/${section}${name}`);
  for (const path of paths) steps.push({ url: new URL(path, site.origin), score: FALLBACK_SCORE });
  return steps;
}
