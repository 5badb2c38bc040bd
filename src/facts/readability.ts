// Flesch reading ease of the report's running text. The Code of Practice (6.80) asks for the
// information to be in plain language parents can use; the score lets a rule flag dense text.

import type { SenDocument } from '../document/types.js';
import { syllables } from './syllables.js';

/** Below this many words a score says more about the sample than the writing. */
const MIN_WORDS = 100;
/** Full stops that do not end a sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|mr|mrs|ms|dr|st|no|approx|incl)\.(?=\s+[a-z0-9(])/gi;
const SENTENCE_END = /[.!?]+(?=["'’”)\]]*(?:\s|$))/g;

/** Words for the formula: tokens with a letter (a number has no syllables to count). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
}

/** Sentences in one block; a block with words but no full stop (a list item) is one sentence. */
function sentences(text: string): number {
  const clean = text.replace(ABBREVIATION, (m) => m.slice(0, -1));
  const parts = clean.split(SENTENCE_END).filter((p) => /[A-Za-z]/.test(p));
  return Math.max(parts.length, words(text).length > 0 ? 1 : 0);
}

/** Words in the whole document, headings included; numbers ("2025", "1:1") count, lone symbols do not. */
export function wordCount(doc: SenDocument): number {
  return doc.blocks.reduce((n, b) => n + b.text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length, 0);
}

/**
 * Flesch reading ease, 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words), over
 * paragraphs and list items (headings and table cells are fragments, not prose).
 * Higher is easier: 60-70 is plain English, under 30 is very hard. Null under 100 words.
 */
export function readingEase(doc: SenDocument): number | null {
  let wordTotal = 0;
  let sentenceTotal = 0;
  let syllableTotal = 0;
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list_item') continue;
    const ws = words(block.text);
    if (ws.length === 0) continue;
    wordTotal += ws.length;
    sentenceTotal += sentences(block.text);
    for (const w of ws) syllableTotal += syllables(w);
  }
  if (wordTotal < MIN_WORDS || sentenceTotal === 0) return null;
  return 206.835 - 1.015 * (wordTotal / sentenceTotal) - 84.6 * (syllableTotal / wordTotal);
}
