/**
 * undici's request() silently drops user:password from an address, so credentials given in
 * the address are sent as HTTP Basic auth instead, and only to the origin they were given for
 * (never to the other site a redirect leads to).
 */
export interface BasicAuth {
  origin: string;
  header: string;
}

export function basicAuthFor(url: URL): BasicAuth | null {
  if (!url.username && !url.password) return null;
  const pair = `${safeDecode(url.username)}:${safeDecode(url.password)}`;
  return { origin: url.origin, header: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}` };
}

export function authorizationFor(url: URL, auth: BasicAuth | null): string | null {
  return auth && auth.origin === url.origin ? auth.header : null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
