/**
 * IPv6 addresses that carry an IPv4 address inside them. A guard that judges only the IPv6
 * prefix lets loopback through in spellings such as `::ffff:0:7f00:1` (SIIT), `::ffff:127.0.0.1`
 * (mapped) or `64:ff9b::7f00:1` (NAT64), so every address is normalised to its eight groups
 * first and the embedded IPv4 judged on its own (issue 10).
 */
import { isIP } from 'node:net';

export type EmbeddingKind = 'mapped' | 'translated' | 'compatible' | 'nat64' | 'nat64-local' | '6to4' | 'teredo';

export interface EmbeddedIPv4 {
  kind: EmbeddingKind;
  /** The IPv4 address inside, dotted. */
  ipv4: string;
}

/** The eight 16-bit groups of an IPv6 address in any spelling (zeros elided, dotted tail, upper case); null if it is not one. */
export function parseIPv6(text: string): number[] | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(address) !== 6) return null;
  let hex = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(hex);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    hex = `${hex.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = hex.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...middle, ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** The canonical text of eight groups (no elision, lower case): one spelling per address. */
export function formatIPv6(groups: number[]): string {
  return groups.map((g) => g.toString(16)).join(':');
}

/** The IPv4 address an IPv6 address embeds, and how; null when it embeds none. */
export function findEmbeddedIPv4(groups: number[]): EmbeddedIPv4 | null {
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const tail = toIPv4(groups[6]!, groups[7]!);
  if (zero(0, 5) && groups[5] === 0xffff) return { kind: 'mapped', ipv4: tail };
  if (zero(0, 4) && groups[4] === 0xffff && groups[5] === 0) return { kind: 'translated', ipv4: tail };
  // `::` and `::1` are judged as themselves, not as 0.0.0.0 and 0.0.0.1.
  if (zero(0, 6) && (groups[6] !== 0 || groups[7]! > 1)) return { kind: 'compatible', ipv4: tail };
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return { kind: 'nat64', ipv4: tail };
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups[2] === 1) return { kind: 'nat64-local', ipv4: tail };
  if (groups[0] === 0x2002) return { kind: '6to4', ipv4: toIPv4(groups[1]!, groups[2]!) };
  // Teredo: the server's IPv4 in groups 2-3, the client's inverted in groups 6-7.
  if (groups[0] === 0x2001 && groups[1] === 0) return { kind: 'teredo', ipv4: toIPv4(groups[2]!, groups[3]!) };
  return null;
}

function toIPv4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
