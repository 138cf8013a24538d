/**
 * The probe table of server-side fetching (issue 10): spellings and schemes an attacker tries to
 * make the server fetch from itself or its network. Every probe must be refused; the controls
 * (public addresses, some in the same embeddings) must not be. docs/security.md ("## Probes")
 * holds the counts that address-probes.test.ts re-runs.
 */

/** URLs given to the server as they are (no name to resolve). */
export const LITERAL_PROBES: string[] = [
  // IPv4 loopback and private, in the spellings URL parsers accept
  'http://127.0.0.1/v.mp4', 'http://127.1/v.mp4', 'http://0x7f.1/v.mp4', 'http://0177.0.0.1/v.mp4', 'http://2130706433/v.mp4',
  'http://0x7f000001/v.mp4', 'http://127.000.000.001/v.mp4', 'http://0/v.mp4', 'http://0.0.0.0/v.mp4', 'http://10.0.0.1/v.mp4',
  'http://172.16.0.1/v.mp4', 'http://192.168.0.1/v.mp4', 'http://169.254.169.254/latest/meta-data/', 'http://100.64.0.1/v.mp4',
  'http://224.0.0.1/v.mp4', 'http://255.255.255.255/v.mp4', 'http://198.18.0.1/v.mp4',
  // user-info and fragment tricks that end at loopback
  'http://example.com@127.0.0.1/v.mp4', 'http://127.0.0.1#@example.com/v.mp4', 'http://127.0.0.1:80\\@example.com/v.mp4',
  // IPv6 loopback, unspecified, link-local, unique-local, multicast, site-local
  'http://[::1]/v.mp4', 'http://[0:0:0:0:0:0:0:1]/v.mp4', 'http://[::]/v.mp4', 'http://[fe80::1]/v.mp4', 'http://[fc00::1]/v.mp4',
  'http://[fd00::1]/v.mp4', 'http://[ff02::1]/v.mp4', 'http://[fec0::1]/v.mp4',
  // IPv4-mapped, in every spelling (refused whatever IPv4 they carry)
  'http://[::ffff:127.0.0.1]/v.mp4', 'http://[::ffff:7f00:1]/v.mp4', 'http://[0:0:0:0:0:ffff:127.0.0.1]/v.mp4',
  'http://[::FFFF:7F00:0001]/v.mp4', 'http://[::ffff:10.0.0.1]/v.mp4', 'http://[::ffff:169.254.169.254]/v.mp4', 'http://[::ffff:8.8.8.8]/v.mp4',
  // IPv4-translated (SIIT, ::ffff:0:0:0/96): let through before issue 10
  'http://[::ffff:0:7f00:1]/v.mp4', 'http://[::ffff:0:127.0.0.1]/v.mp4', 'http://[::ffff:0:a00:1]/v.mp4',
  // IPv4-compatible
  'http://[::127.0.0.1]/v.mp4', 'http://[::7f00:1]/v.mp4', 'http://[::a00:1]/v.mp4', 'http://[::0.0.0.2]/v.mp4',
  // NAT64 well-known prefix with a private IPv4
  'http://[64:ff9b::7f00:1]/v.mp4', 'http://[64:ff9b::127.0.0.1]/v.mp4', 'http://[64:ff9b::a9fe:a9fe]/v.mp4', 'http://[64:ff9b::a00:1]/v.mp4',
  // local-use NAT64 (64:ff9b:1::/48): [64:ff9b:1::7f00:1] was let through before issue 10
  'http://[64:ff9b:1::7f00:1]/v.mp4', 'http://[64:ff9b:1::a00:1]/v.mp4', 'http://[64:ff9b:1:ffff::808:808]/v.mp4',
  // 6to4 with a private IPv4
  'http://[2002:7f00:1::]/v.mp4', 'http://[2002:a00:1::1]/v.mp4', 'http://[2002:c0a8:1::1]/v.mp4', 'http://[2002:a9fe:a9fe::1]/v.mp4',
  // Teredo (refused whatever it carries)
  'http://[2001:0:7f00:1::]/v.mp4', 'http://[2001::a00:1:0:0:f5ff:fffe]/v.mp4', 'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/v.mp4',
  // schemes other than http(s)
  'ftp://example.com/v.mp4', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', 'data:video/mp4;base64,AAAA', 'javascript:alert(1)',
  'ws://127.0.0.1/v.mp4', 'dict://127.0.0.1:11211/stats', 'ldap://127.0.0.1/', 'sftp://127.0.0.1/v.mp4', 'blob:http://127.0.0.1/x',
  'view-source:http://127.0.0.1/', 'about:blank',
];

/** Addresses a name resolves to (answered by an injected resolver: no DNS). */
export const RESOLVED_PROBES: string[][] = [
  ['127.0.0.1'], ['::1'], ['::ffff:127.0.0.1'], ['::ffff:0:7f00:1'], ['0:0:0:0:0:FFFF:7F00:0001'], ['64:ff9b::7f00:1'],
  ['64:ff9b:1::7f00:1'], ['2002:7f00:1::1'], ['10.0.0.1'], ['169.254.169.254'], ['fe80::1%eth0'], ['93.184.216.34', '10.0.0.7'],
];

/** Where a public-looking first hop redirects to (`PORT` is replaced by a closed loopback port). */
export const REDIRECT_PROBES: string[] = [
  'http://127.0.0.1:PORT/v.mp4', 'http://[::1]:PORT/v.mp4', 'http://[::ffff:0:7f00:1]:PORT/v.mp4', 'http://[::ffff:0:127.0.0.1]:PORT/v.mp4',
  'http://[64:ff9b:1::7f00:1]:PORT/v.mp4', 'http://[64:ff9b::7f00:1]:PORT/v.mp4', 'http://[2002:7f00:1::1]:PORT/v.mp4',
  'http://[::ffff:127.0.0.1]:PORT/v.mp4', 'http://169.254.169.254/latest/meta-data/', 'http://loopback.test:PORT/v.mp4',
  'file:///etc/passwd', 'ftp://127.0.0.1:PORT/v.mp4',
];

/** Public addresses that must stay reachable (checked, never fetched). */
export const CONTROLS: string[] = [
  'http://8.8.8.8/v.mp4', 'http://[2606:4700:4700::1111]/v.mp4', 'http://[64:ff9b::808:808]/v.mp4', 'http://[2002:808:808::1]/v.mp4',
  'http://[2a00:1450:4001:80b::200e]/v.mp4', 'https://93.184.216.34/v.mp4',
];
