// Web addresses written out in plain text (PDFs and text files have no <a> tags): the
// Local Offer is often given only as "www.example.gov.uk/localoffer".

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'“”‘’]+/gi;

/** Every address in `text`, as written, without trailing punctuation or an unmatched ")". */
export function findUrls(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0].replace(/[.,;:!?\]]+$/, '');
    while (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1).replace(/[.,;:!?]+$/, '');
    if (/^(?:https?:\/\/|www\.)[^./]+\.[^.]/i.test(url)) found.push(url);
  }
  return found;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
