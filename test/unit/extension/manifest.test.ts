import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Manifest {
  manifest_version: number;
  background: { service_worker: string; scripts: string[] };
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts: Array<{ matches: string[]; js: string[] }>;
  action: { default_popup: string };
  options_ui: { page: string };
  browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
}

const manifest = JSON.parse(readFileSync(new URL('../../../extension/manifest.json', import.meta.url), 'utf8')) as Manifest;

test('one manifest for Chromium and Firefox (MV3): a service worker and the same script as a background page', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, 'background.js');
  assert.deepEqual(manifest.background.scripts, ['background.js']);
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
});

test('permissions stay narrow: YouTube and a local engine up front, any other engine only when the user allows it', () => {
  assert.deepEqual(manifest.permissions.sort(), ['alarms', 'notifications', 'storage']);
  const remote = manifest.host_permissions.filter((p) => !p.includes('youtube.com'));
  assert.deepEqual(remote.sort(), ['http://127.0.0.1/*', 'http://localhost/*']);
  assert.deepEqual(manifest.optional_host_permissions.sort(), ['http://*/*', 'https://*/*']);
  for (const script of manifest.content_scripts) {
    assert.ok(script.matches.every((m) => /^https:\/\/(www|m)\.youtube\.com\/\*$/.test(m)), script.matches.join());
  }
});

test('every file the manifest names is one the build writes', () => {
  const built = new Set(['background.js', 'content.js', 'popup.html', 'options.html']);
  for (const file of [manifest.background.service_worker, ...manifest.content_scripts.flatMap((s) => s.js), manifest.action.default_popup, manifest.options_ui.page]) {
    assert.ok(built.has(file), file);
  }
  const buildScript = readFileSync(new URL('../../../extension/build.ts', import.meta.url), 'utf8');
  for (const entry of ['background', 'content', 'popup', 'options']) assert.match(buildScript, new RegExp(`\\b${entry}: join\\(here, 'src/`));
});
