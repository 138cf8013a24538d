import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBotConfig } from '../../../bot/src/config.js';
import { OnscreenError } from '../../../shared/src/errors.js';

const minimal = {
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  ONSCREEN_URL: 'http://127.0.0.1:8750/',
  ONSCREEN_TOKEN: 'engine-token',
};

test('a minimal HTTP-mode configuration gets its defaults', () => {
  const config = parseBotConfig(minimal);
  assert.equal(config.engineUrl, 'http://127.0.0.1:8750');
  assert.equal(config.enginePublicUrl, 'http://127.0.0.1:8750');
  assert.equal(config.port, 8751);
  assert.equal(config.appToken, null);
  assert.equal(config.publicUrl, null);
  assert.equal(config.slackApiUrl, null);
  assert.match(config.dataDir, /data\/bot$/);
  assert.equal(config.thumbnailTtlSeconds, 7 * 86400);
});

test('Socket Mode needs no signing secret; URLs are normalised', () => {
  const config = parseBotConfig({
    SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', ONSCREEN_URL: 'http://engine:8750', ONSCREEN_TOKEN: 't',
    BOT_PUBLIC_URL: 'https://bot.example/', SLACK_API_URL: 'http://127.0.0.1:9/api', BOT_PORT: '0',
  });
  assert.equal(config.signingSecret, null);
  assert.equal(config.appToken, 'xapp-1');
  assert.equal(config.publicUrl, 'https://bot.example');
  assert.equal(config.slackApiUrl, 'http://127.0.0.1:9/api/');
  assert.equal(config.port, 0);
});

test('every missing or bad variable is named at once', () => {
  let caught: unknown;
  try {
    parseBotConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', BOT_PORT: '99999', ONSCREEN_URL: 'ftp://x' });
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof OnscreenError);
  for (const name of ['SLACK_BOT_TOKEN (expected a bot token', 'BOT_PORT', 'ONSCREEN_URL (expected an http(s) URL)', 'ONSCREEN_TOKEN is missing', 'SLACK_SIGNING_SECRET is missing']) {
    assert.ok(caught.message.includes(name), `${name} in: ${caught.message}`);
  }
  assert.match(caught.hint ?? '', /bot\/README.md/);
});

test('flags win over the environment', () => {
  assert.equal(parseBotConfig(minimal, { port: 9000 }).port, 9000);
});
