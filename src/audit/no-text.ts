import type { SenDocument } from '../document/types.js';

/**
 * Why a PDF without a text layer cannot be audited, for `audit` and for a batch's error row:
 * scanned pages (images) are not machine-readable, and a file of blank or white-space pages
 * (a Flate stream of nothing but spaces, say) has no text at all to judge.
 */
export function noTextMessage(where: string, doc: SenDocument): string {
  if (doc.images === false) {
    return `${where} has no text and no scanned pages: its pages are blank, white space or drawings only, so there is nothing to audit. Check that this is the report, or ask the school for the right file.`;
  }
  return `${where} has no text layer (it is scanned images), so it is not machine-readable: screen-reader users cannot read it either. Ask the school to publish the report as text (an accessible PDF or a web page).`;
}
