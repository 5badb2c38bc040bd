// The crawl's to-do list: most promising link first, then shallowest, then first found, so the
// same site is always read in the same order.

export interface Step {
  /** The address to fetch (no fragment, no credentials). */
  url: string;
  /** The link's score (score.ts), raised for a document offered on a page that points to the report. */
  score: number;
  /** Links followed from the start page (sitemap entries count as 1). */
  depth: number;
  /** Offered as a file on a page that points to the report (a link page): likely the report, however worded. */
  pointed?: boolean;
  /** A common address or the site search, tried when the links ran out (fallback.ts): its failures are expected. */
  fallback?: true;
  /** Discovery order: ties are broken by it. */
  order: number;
  /** The pages whose links led here, start page first. */
  via: string[];
}

/** One page path may appear with this many different query strings at most (calendars, filters, paging). */
const MAX_QUERY_VARIANTS = 3;

export class Frontier {
  private readonly steps: Step[] = [];
  private readonly seen = new Set<string>();
  private readonly variants = new Map<string, number>();
  private order = 0;

  /** Marks a page as known (fetched or queued) without queueing it. */
  markSeen(key: string): void {
    this.seen.add(key);
  }

  /** Queues a page unless it is already known or its path has too many query variants; true when queued. */
  add(key: string, url: URL, step: Omit<Step, 'order' | 'url'>): boolean {
    if (this.seen.has(key)) return false;
    if (url.search) {
      const path = `${url.host}${url.pathname}`;
      const n = this.variants.get(path) ?? 0;
      if (n >= MAX_QUERY_VARIANTS) return false;
      this.variants.set(path, n + 1);
    }
    this.seen.add(key);
    this.steps.push({ ...step, url: url.href, order: this.order++ });
    return true;
  }

  get size(): number {
    return this.steps.length;
  }

  /** Removes and returns the best step: highest score, then shallowest, then first found. */
  take(): Step | undefined {
    if (this.steps.length === 0) return undefined;
    let bi = 0;
    for (let i = 1; i < this.steps.length; i++) {
      const a = this.steps[i]!;
      const b = this.steps[bi]!;
      if (a.score > b.score || (a.score === b.score && (a.depth < b.depth || (a.depth === b.depth && a.order < b.order)))) bi = i;
    }
    return this.steps.splice(bi, 1)[0];
  }
}
