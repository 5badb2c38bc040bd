// Bytes -> text the way a browser would: many school sites are windows-1252, some say so only
// in a <meta> tag, and some say nothing and are not UTF-8 at all.

/** How far into an HTML page a <meta charset> is looked for (browsers use 1 KB; some pages need more). */
const META_SCAN_BYTES = 2048;

export function decodeText(bytes: Uint8Array, contentType: string | null, isHtml: boolean): string {
  // 1. A byte order mark beats every declaration.
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));

  // 2. The Content-Type charset, 3. a <meta> declaration in an HTML page.
  const declared =
    usableEncoding(charsetFromContentType(contentType)) ?? (isHtml ? usableEncoding(charsetFromMeta(bytes)) : null);
  if (declared && declared !== 'utf-8') return decodeAs(declared, bytes);

  // 4. UTF-8, declared or assumed; fall back to windows-1252 when the bytes plainly are not UTF-8.
  return decodeUtf8OrWindows1252(bytes);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*(?:["']\s*)?([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

/**
 * A label TextDecoder knows, normalised to its canonical name, or null. The WHATWG rules
 * already map iso-8859-1, latin1 and us-ascii to windows-1252, as browsers do. A page that
 * declares UTF-16 in ASCII bytes (no BOM) cannot really be UTF-16: treat it as UTF-8, as the
 * HTML standard says.
 */
function usableEncoding(label: string | null): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label.trim().toLowerCase()).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null; // unknown label: ignore it, like a browser
  }
}

function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8. If the file is mostly good UTF-8 with a stray bad byte, keep UTF-8
    // (re-reading it as windows-1252 would garble every accented letter); if it has no
    // valid multi-byte characters at all, it is a legacy single-byte page.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    let bad = 0;
    let good = 0;
    for (const ch of lossy) {
      if (ch === '\ufffd') bad++;
      else if (ch.charCodeAt(0) > 0x7f) good++;
    }
    return good > bad ? lossy : decodeWindows1252(bytes);
  }
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1: 0x80-0x9F come out as C1
// control characters instead of curly quotes, dashes, the euro sign. Map those 32 bytes here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]!);
}
