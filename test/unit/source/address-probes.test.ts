/**
 * Re-runs the probe table of server-side fetching (address-probes.ts): literal spellings and
 * schemes, names whose answers are private, and redirects from an allowed first hop to each of
 * them through the real downloader. All on loopback; names are answered by an injected resolver.
 * The counts must match the table in docs/security.md ("## Probes").
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { downloadFile } from '../../../engine/src/adapters/http-fetch.adapter.js';
import { assertPublicUrl, isPrivateAddress, type Resolver } from '../../../engine/src/adapters/network-guard.js';
import { CONTROLS, LITERAL_PROBES, REDIRECT_PROBES, RESOLVED_PROBES } from './address-probes.js';

const REFUSALS = new Set(['url_private_address', 'url_invalid']);
const counts = new Map<string, { tried: number; refused: number }>();

async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return 'allowed';
  } catch (error) {
    return error instanceof OnscreenError ? error.code : String(error);
  }
}

function record(set: string, results: [string, string][]): void {
  const letThrough = results.filter(([, code]) => !REFUSALS.has(code));
  counts.set(set, { tried: results.length, refused: results.length - letThrough.length });
  assert.deepEqual(letThrough, [], `${set}: let through`);
}

let origin: Server;
let closedPort: number;
let temp: string;

before(async () => {
  temp = await mkdtemp(join(tmpdir(), 'onscreen-probes-'));
  origin = createServer((req, res) => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) res.writeHead(302, { location: to }).end();
    else res.writeHead(200, { 'content-type': 'video/mp4' }).end(Buffer.alloc(64));
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.2', resolve));
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
after(async () => {
  origin?.close();
  await rm(temp, { recursive: true, force: true });
});

test('literal spellings and schemes are refused before any connection', async () => {
  const never: Resolver = async () => assert.fail('no lookup expected');
  const results: [string, string][] = [];
  for (const url of LITERAL_PROBES) results.push([url, await outcome(assertPublicUrl(url, { resolve: never }))]);
  record('literal URLs and schemes', results);
});

test('a name whose answers include any private spelling is refused', async () => {
  const results: [string, string][] = [];
  for (const answers of RESOLVED_PROBES) {
    const resolve: Resolver = async () => answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    results.push([answers.join(','), await outcome(assertPublicUrl('https://video.example.test/v.mp4', { resolve }))]);
  }
  record('resolved names', results);
});

test('redirects from an allowed first hop to any probe are refused, and a redirect to an allowed address is followed', async () => {
  const port = (origin.address() as AddressInfo).port;
  const resolve: Resolver = async (host) => {
    if (host === 'origin.test') return [{ address: '127.0.0.2', family: 4 }];
    if (host === 'loopback.test') return [{ address: '127.0.0.1', family: 4 }];
    throw new Error(`unexpected name ${host}`);
  };
  // Only the test's own first hop (127.0.0.2) is let through besides public addresses.
  const options = { maxBytes: 1024, timeoutMs: 5000, resolve, isAddressAllowed: (ip: string) => ip === '127.0.0.2' || !isPrivateAddress(ip) };
  const hop = (to: string) => `http://origin.test:${port}/r?to=${encodeURIComponent(to)}`;
  const results: [string, string][] = [];
  for (const [i, target] of REDIRECT_PROBES.entries()) {
    const to = target.replace('PORT', String(closedPort));
    results.push([to, await outcome(downloadFile(hop(to), join(temp, `probe-${i}`), options))]);
  }
  record('redirects', results);
  const followed = await downloadFile(hop(`http://127.0.0.2:${port}/video.mp4`), join(temp, 'ok.mp4'), options);
  assert.equal(followed.bytes, 64, 'the control redirect was followed');
});

test('public addresses, also inside NAT64 and 6to4, stay allowed', async () => {
  const never: Resolver = async () => assert.fail('no lookup expected');
  const refused: string[] = [];
  for (const url of CONTROLS) if ((await outcome(assertPublicUrl(url, { resolve: never }))) !== 'allowed') refused.push(url);
  assert.deepEqual(refused, []);
  counts.set('public controls (must pass)', { tried: CONTROLS.length, refused: 0 });
});

test('docs/security.md states the counts these probes give', async () => {
  const doc = await readFile(new URL('../../../docs/security.md', import.meta.url), 'utf8');
  assert.equal(counts.size, 4, 'every probe set ran');
  for (const [set, { tried, refused }] of counts) {
    assert.ok(doc.includes(`| ${set} | ${tried} | ${refused} |`), `docs/security.md has "| ${set} | ${tried} | ${refused} |"`);
  }
});
