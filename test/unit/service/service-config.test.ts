import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { loadServiceConfig, parseSize } from '../../../engine/src/config/service.config.js';

test('defaults need no configuration: SQLite under ./data, in-process jobs, loopback only', () => {
  const config = loadServiceConfig({}, {});
  assert.equal(config.dataDir, resolve('data'));
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.port, 8750);
  assert.equal(config.redisUrl, null);
  assert.deepEqual(config.corsOrigins, []);
  assert.equal(config.uploadLimitBytes, 2 * 1024 ** 3);
  assert.equal(config.jsonLimitBytes, 64 * 1024);
  assert.equal(config.allowPrivateNetwork, false);
});

test('environment variables are read, and flags win over them', () => {
  const env = { PORT: '9000', HOST: '0.0.0.0', REDIS_URL: 'redis://127.0.0.1:6390', ONSCREEN_UPLOAD_LIMIT: '10MiB', ONSCREEN_CORS_ORIGINS: 'https://a.example, chrome-extension://*', ONSCREEN_RETENTION_DAYS: '0.5' };
  const config = loadServiceConfig({ port: '9100' }, env);
  assert.equal(config.port, 9100);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.redisUrl, 'redis://127.0.0.1:6390');
  assert.equal(config.uploadLimitBytes, 10 * 1024 * 1024);
  assert.deepEqual(config.corsOrigins, ['https://a.example', 'chrome-extension://*']);
  assert.equal(config.retentionDays, 0.5);
});

test('bad values fail at once, naming every bad variable', () => {
  const env = { PORT: 'eighty', ONSCREEN_UPLOAD_LIMIT: 'lots', REDIS_URL: 'http://x', ONSCREEN_CORS_ORIGINS: '*' };
  assert.throws(() => loadServiceConfig({}, env), (error: unknown) => {
    assert.ok(error instanceof OnscreenError);
    for (const name of ['PORT', 'ONSCREEN_UPLOAD_LIMIT', 'REDIS_URL', 'ONSCREEN_CORS_ORIGINS']) assert.match(error.message, new RegExp(name));
    return true;
  });
  assert.throws(() => loadServiceConfig({ port: '-1' }, {}), /--port/);
});

test('sizes read with units', () => {
  assert.equal(parseSize('64KiB'), 65536);
  assert.equal(parseSize('2 GiB'), 2 * 1024 ** 3);
  assert.equal(parseSize('10MB'), 10_000_000);
  assert.equal(parseSize('1234'), 1234);
  assert.equal(parseSize('ten'), null);
  assert.equal(parseSize('5 parsecs'), null);
});
