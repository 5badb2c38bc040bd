// Link targets as a reader would follow them: relative hrefs made absolute against the page
// address (or its <base href>), script pseudo-links and bare in-page anchors left out.

/** The absolute address `href` points to, the href as written when there is no base, or null to skip it. */
export function resolveHref(href: string, baseUrl: string | null): string | null {
  const h = href.trim();
  if (h === '' || h.startsWith('#') || /^javascript:/i.test(h)) return null;
  // mailto: and tel: are complete as written (and new URL() would re-encode them).
  if (/^(?:mailto|tel|sms):/i.test(h)) return h;
  if (baseUrl) {
    try {
      return new URL(h, baseUrl).href;
    } catch {
      return h;
    }
  }
  return h;
}

/** The base for relative links: `<base href>` resolved against the page address, else the address. */
export function effectiveBase(pageUrl: string | null, baseHref: string | undefined): string | null {
  if (!baseHref?.trim()) return pageUrl;
  try {
    return new URL(baseHref.trim(), pageUrl ?? undefined).href;
  } catch {
    return pageUrl;
  }
}
