import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { refusedAddress } from './messages.js';

// Which addresses a fetch may connect to. School websites are public; an address list written
// by someone else (a batch input, a redirect) must not make senaudit read a cloud metadata
// service or, in batch runs, a machine on the local network.

export type AddressClass = 'link-local' | 'loopback' | 'private' | 'public';

/** The class of an IPv4 or IPv6 address (IPv4-mapped IPv6 is judged as the IPv4 inside). */
export function classifyAddress(ip: string): AddressClass {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return classifyAddress(mapped[1]!);
  // URL parsing writes an IPv4-mapped address in hex ([::ffff:a9fe:a9fe] for 169.254.169.254).
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return classifyAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    if (a === 169 && b === 254) return 'link-local';
    if (a === 127) return 'loopback';
    if (a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
    return 'public';
  }
  const v6 = ip.toLowerCase().replace(/^\[|\]$/g, '');
  if (/^fe[89ab][0-9a-f]:/.test(v6)) return 'link-local'; // fe80::/10
  if (/^fd00:ec2(?::0{0,4}){1,6}:0{0,2}254$/.test(v6) || v6 === 'fd00:ec2::254') return 'link-local'; // AWS IPv6 metadata
  if (v6 === '::1') return 'loopback';
  if (/^f[cd][0-9a-f]{2}:/.test(v6) || v6 === '::') return 'private'; // fc00::/7
  return 'public';
}

/**
 * Why connecting to `ip` is refused, or null when it is allowed. Link-local (cloud metadata
 * services live there) is always refused; loopback and private ranges only when not allowed.
 */
export function addressRefusal(ip: string, allowPrivate: boolean): string | null {
  const kind = classifyAddress(ip);
  if (kind === 'link-local') return `a link-local address (${ip}), where cloud metadata services live, not school websites`;
  if (!allowPrivate && (kind === 'loopback' || kind === 'private')) {
    return `a ${kind === 'loopback' ? 'loopback' : 'private-network'} address (${ip}); batch runs fetch only public addresses unless --allow-private is given`;
  }
  return null;
}

/** The host of a URL as an IP address when it is written as one, else null. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? host : null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for undici's connect option that fails on any address the policy refuses. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, options, (err, address, family) => {
      if (err) return callback(err, address, family);
      const all = Array.isArray(address) ? address : [{ address, family }];
      for (const a of all) {
        const why = addressRefusal(a.address, allowPrivate);
        if (why) return callback(refusedAddress(hostname, why), address, family);
      }
      callback(null, address, family);
    });
  };
}

