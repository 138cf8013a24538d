import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnscreenError } from '../../../shared/src/errors.js';
import { assertPublicUrl, isPrivateAddress, pinnedLookup } from '../../../engine/src/adapters/network-guard.js';

test('isPrivateAddress refuses private, loopback, link-local, CGNAT, multicast, reserved and mapped addresses', () => {
  const refused = [
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.1.1',
    '169.254.169.254', '100.64.0.1', '100.127.255.255', '0.0.0.0', '224.0.0.1', '239.1.2.3', '240.0.0.1', '255.255.255.255',
    '192.0.2.10', '198.18.0.1', '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:8.8.8.8', '::ffff:7f00:1', '::127.0.0.1', '64:ff9b::a00:1', '2002:a00:1::1',
    '[::1]', 'not-an-ip', '',
  ];
  for (const ip of refused) assert.equal(isPrivateAddress(ip), true, ip);
});

test('isPrivateAddress lets public addresses through', () => {
  const allowed = ['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '64:ff9b::808:808', '2002:808:808::1'];
  for (const ip of allowed) assert.equal(isPrivateAddress(ip), false, ip);
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    assert.ok(error instanceof OnscreenError);
    return error.code;
  }
}

test('assertPublicUrl refuses bad URLs and private targets, by literal address or by any resolved address', async () => {
  const never = async () => assert.fail('no lookup expected');
  assert.equal(await codeOf(assertPublicUrl('not a url', { resolve: never })), 'url_invalid');
  assert.equal(await codeOf(assertPublicUrl('ftp://example.com/a.mp4', { resolve: never })), 'url_invalid');
  assert.equal(await codeOf(assertPublicUrl('file:///etc/passwd', { resolve: never })), 'url_invalid');
  for (const url of ['http://127.0.0.1/v.mp4', 'http://10.1.2.3/v.mp4', 'http://192.168.0.10:8080/v.mp4', 'http://169.254.169.254/latest',
    'http://[::1]/v.mp4', 'http://[fc00::5]/v.mp4', 'http://[::ffff:127.0.0.1]/v.mp4', 'http://0x7f000001/v.mp4', 'http://2130706433/v.mp4']) {
    assert.equal(await codeOf(assertPublicUrl(url, { resolve: never })), 'url_private_address', url);
  }
  const mixed = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }];
  assert.equal(await codeOf(assertPublicUrl('https://cdn.example/v.mp4', { resolve: mixed })), 'url_private_address');
  const missing = async () => {
    throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
  };
  assert.equal(await codeOf(assertPublicUrl('https://no-such-host.invalid/v.mp4', { resolve: missing })), 'source_not_found');
});

test('assertPublicUrl returns the checked addresses; allowPrivateNetwork opens private ones', async () => {
  const publicOnly = async () => [{ address: '93.184.216.34', family: 4 }];
  const checked = await assertPublicUrl('https://cdn.example/v.mp4', { resolve: publicOnly });
  assert.deepEqual(checked.addresses, [{ address: '93.184.216.34', family: 4 }]);
  assert.equal(checked.url.hostname, 'cdn.example');
  const local = await assertPublicUrl('http://127.0.0.1:9/v.mp4', { allowPrivateNetwork: true });
  assert.equal(local.addresses[0]?.address, '127.0.0.1');
});

test('localhost is refused by default (resolved by the system, no traffic sent)', async () => {
  assert.equal(await codeOf(assertPublicUrl('http://localhost:1/v.mp4')), 'url_private_address');
});

test('pinnedLookup answers only with the checked addresses', async () => {
  const lookup = pinnedLookup([{ address: '93.184.216.34', family: 4 }, { address: '2606:2800::1', family: 6 }]);
  const one = await new Promise<[string, number]>((resolve) => lookup('anything', {}, (_e, address, family) => resolve([address as string, family as number])));
  assert.deepEqual(one, ['93.184.216.34', 4]);
  const six = await new Promise<[string, number]>((resolve) => lookup('anything', { family: 6 }, (_e, address, family) => resolve([address as string, family as number])));
  assert.deepEqual(six, ['2606:2800::1', 6]);
  const all = await new Promise<unknown>((resolve) => lookup('anything', { all: true }, (_e, addresses) => resolve(addresses)));
  assert.equal((all as unknown[]).length, 2);
});
