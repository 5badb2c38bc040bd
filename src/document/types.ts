// The one Document model every extractor produces and the rule engine reads.
// It knows nothing of HTTP, PDF libraries or terminals.

export type DocumentFormat = 'html' | 'pdf' | 'docx' | 'text';

export type BlockKind = 'heading' | 'paragraph' | 'list_item' | 'table_cell';

export interface Block {
  kind: BlockKind;
  /** Whitespace-normalised text of the block. */
  text: string;
  /** Heading level 1-6 (headings only). */
  level?: number;
  /** 1-based PDF page the block comes from; null for formats without pages. */
  page: number | null;
  /** Text of the nearest heading above this block (for a heading: its parent heading), or null. */
  heading: string | null;
}

export interface Link {
  text: string;
  /** Absolute URL when the document has a base URL, else as written. */
  url: string;
}

/** A date the container (not the text) gives: used only as a labelled fallback. */
export interface MetadataDate {
  date: string; // YYYY-MM-DD
  source: 'pdf-metadata';
}

export interface SenDocument {
  format: DocumentFormat;
  title: string | null;
  blocks: Block[];
  links: Link[];
  /** Page count for PDFs, null otherwise. */
  pages: number | null;
  /** False when a PDF has no extractable text (scanned images): the report is not machine-readable. */
  textLayer: boolean;
  /** For a PDF without text: whether it holds images (scanned pages) or nothing but blank pages. */
  images?: boolean;
  metadataDates: MetadataDate[];
  /** Plain sentences about what extraction had to skip (bad pages, unreadable parts). */
  warnings: string[];
}
