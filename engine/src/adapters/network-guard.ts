/**
 * Keeps URL fetches on the public internet: refuses private, loopback, link-local, CGNAT, multicast,
 * reserved and unspecified addresses, resolving names once and pinning connections to the addresses
 * checked (so a DNS answer that changes between check and connect, "DNS rebinding", cannot slip
 * through). Used by the downloader and by the API to refuse private URLs up front.
 */
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { OnscreenError } from '../../../shared/src/errors.js';
import { parseHttpUrl } from '../../../shared/src/http-url.js';

const blocked = new BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

/** Whether an IP address is anything but a public unicast address. Non-addresses count as private. */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const groups = expandIPv6(address);
  // IPv4-mapped (::ffff:a.b.c.d): refused outright; no public host needs it.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return true;
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address: judge that one.
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return isPrivateAddress(toIPv4(groups[6]!, groups[7]!));
  if (groups[0] === 0x2002) return isPrivateAddress(toIPv4(groups[1]!, groups[2]!));
  return blocked.check(address, 'ipv6');
}

function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

function toIPv4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

export interface GuardOptions {
  allowPrivateNetwork?: boolean;
  /** How names are resolved (default: the system resolver, all addresses). */
  resolve?: Resolver;
  /** Which addresses may be reached (default: public ones, or all when allowPrivateNetwork). */
  isAddressAllowed?: (ip: string) => boolean;
}

export interface CheckedUrl {
  url: URL;
  /** The addresses the connection must use, all checked. */
  addresses: LookupAddress[];
}

export { parseHttpUrl };

/**
 * Checks that a URL may be fetched: valid http(s), and every address its host resolves to allowed.
 * Returns the addresses to pin the connection to.
 */
export async function assertPublicUrl(text: string, options: GuardOptions = {}): Promise<CheckedUrl> {
  const url = parseHttpUrl(text);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isAllowed = options.isAddressAllowed ?? ((ip: string) => options.allowPrivateNetwork === true || !isPrivateAddress(ip));
  let addresses: LookupAddress[];
  const family = isIP(host);
  if (family !== 0) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await (options.resolve ?? resolveAll)(host);
    } catch {
      throw new OnscreenError('source_not_found', `No server answers to the name ${host}. Check the address.`);
    }
    if (addresses.length === 0) throw new OnscreenError('source_not_found', `No server answers to the name ${host}. Check the address.`);
  }
  if (addresses.some((a) => !isAllowed(a.address))) {
    throw new OnscreenError(
      'url_private_address',
      `${host} is on a private, loopback or link-local network; onscreen only fetches videos from the public internet.`,
    );
  }
  return { url, addresses };
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return lookup(host, { all: true, verbatim: true });
}

/** A `lookup` for http.request that answers only with the checked addresses (no second DNS query). */
export function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = Number(String(options.family ?? 0).replace('IPv', '')) || 0;
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    const answer = usable.length > 0 ? usable : addresses;
    if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, answer);
    else callback(null, answer[0]!.address, answer[0]!.family);
  };
}
