// Which addresses belong to the school's site, and one key per page.

/** A host without a leading "www.", lower-case, port kept: www.school.example and school.example are one site. */
export function bareHost(url: URL): string {
  return url.host.toLowerCase().replace(/^www\./, '');
}

/** The hosts the crawl stays on: the start address's, and where it redirected to (a school that moved domain). */
export class Site {
  private readonly hosts = new Set<string>();
  constructor(...urls: URL[]) {
    for (const u of urls) this.add(u);
  }
  add(url: URL): void {
    this.hosts.add(bareHost(url));
  }
  has(url: URL): boolean {
    return (url.protocol === 'http:' || url.protocol === 'https:') && this.hosts.has(bareHost(url));
  }
}

/** One key per page: no fragment, no credentials, and http and https of one address are one page. */
export function pageKey(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  u.username = '';
  u.password = '';
  u.protocol = 'https:';
  u.host = u.host.toLowerCase().replace(/^www\./, '');
  return u.href;
}

/** The address without fragment or credentials: what is fetched. */
export function fetchable(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  u.username = '';
  u.password = '';
  return u.href;
}

export function parseUrl(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}
