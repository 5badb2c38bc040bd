import type { Block, BlockKind, DocumentFormat, Link, MetadataDate, SenDocument } from './types.js';

/** Collapse all runs of whitespace (including NBSP) to one space and trim. */
/**
 * A block's text as rules read it: runs of spaces (and no-break and zero-width spaces) one space;
 * typographic ligatures ("ﬁ", "ﬀ", "ﬃ", as PDFs set from some fonts give them) their letters, and
 * soft hyphens gone, so "eﬀectiveness" in a PDF is "effectiveness" as in its text (issue #13,
 * class 8: the same words, the same judgement).
 */
export function normaliseText(text: string): string {
  return text
    .replace(LIGATURE, (l) => LIGATURES[l] ?? l)
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/** Latin ligatures (U+FB00 to U+FB06) and the letters they stand for. */
const LIGATURES: Record<string, string> = { '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st' };
const LIGATURE = /[\ufb00-\ufb06]/g;

/**
 * Builds a SenDocument block by block, tracking the heading each block sits under,
 * so every extractor assigns locations the same way.
 */
export class DocumentBuilder {
  private readonly blocks: Block[] = [];
  private readonly links: Link[] = [];
  private readonly warnings: string[] = [];
  private readonly metadataDates: MetadataDate[] = [];
  /** Open headings by level: headingStack[level-1] is the text of the current heading at that level. */
  private headingStack: (string | undefined)[] = [];

  constructor(private readonly format: DocumentFormat) {}

  private currentHeading(): string | null {
    for (let i = this.headingStack.length - 1; i >= 0; i--) {
      const h = this.headingStack[i];
      if (h !== undefined) return h;
    }
    return null;
  }

  heading(text: string, level: number, page: number | null = null): void {
    const clean = normaliseText(text);
    if (!clean) return;
    const lvl = Math.min(6, Math.max(1, Math.round(level)));
    this.headingStack = this.headingStack.slice(0, lvl - 1);
    const parent = this.currentHeading();
    this.blocks.push({ kind: 'heading', text: clean, level: lvl, page, heading: parent });
    this.headingStack[lvl - 1] = clean;
  }

  block(kind: Exclude<BlockKind, 'heading'>, text: string, page: number | null = null): void {
    const clean = normaliseText(text);
    if (!clean) return;
    this.blocks.push({ kind, text: clean, page, heading: this.currentHeading() });
  }

  link(text: string, url: string): void {
    const u = url.trim();
    if (!u) return;
    this.links.push({ text: normaliseText(text), url: u });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  metadataDate(date: MetadataDate): void {
    this.metadataDates.push(date);
  }

  build(extra: { title?: string | null; pages?: number | null; textLayer?: boolean; images?: boolean } = {}): SenDocument {
    const firstHeading = this.blocks.find((b) => b.kind === 'heading');
    return {
      format: this.format,
      title: extra.title ?? firstHeading?.text ?? null,
      blocks: this.blocks,
      links: this.links,
      pages: extra.pages ?? null,
      textLayer: extra.textLayer ?? true,
      ...(extra.images !== undefined ? { images: extra.images } : {}),
      metadataDates: this.metadataDates,
      warnings: this.warnings,
    };
  }
}
