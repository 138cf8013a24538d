/**
 * Read-only share links through the real service: a link opens its job's report without a
 * token; an expired, revoked, tampered or deleted one does not; a link cannot tag, and cannot
 * reach another job; links are made and revoked only within the token's workspace.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { Job, ShareLink } from '../../../shared/src/api/types.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';

const DAY_MS = 86_400_000;
const processor: AnalysisProcessor = async () => makeTinyAnalysis('/server/path/upload.mp4');

let s: TestService;
let clock = Date.now();
let jobA: Job;
let jobB: Job;
let link: ShareLink;

async function analysed(seed: number): Promise<Job> {
  const created = await s.client.uploadJob(new Uint8Array(2048).fill(seed), `clip-${seed}.mp4`);
  return s.client.watchJob(created.id, () => undefined);
}

before(async () => {
  s = await startTestService({}, { processor, now: () => clock });
  jobA = await analysed(1);
  jobB = await analysed(2);
  await s.client.tag(jobB.id, 0, 'female', 'ana'); // B's report differs from A's: one woman
  link = await s.client.createShareLink(jobA.id);
});
after(() => s.close());

test('a share link opens the report page without a token, as a strict, unindexed page that leaks its URL to no one', async () => {
  assert.match(link.url, /^\/share\/[\w-]{22}\.[\w-]{43}$/);
  assert.deepEqual([link.resource, link.createdBy, link.revokedAt], [{ kind: 'job', id: jobA.id }, 'test-1', null]);
  assert.equal(Date.parse(link.expiresAt) - Date.parse(link.createdAt), 30 * DAY_MS, '30 days by default');
  const page = await call(`${s.url}${link.url}`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(page.text, /<h1>/);
  assert.match(page.text, /0 women, 0 men, 0 unknown, 3 not tagged yet/, "job A's own figures");
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.match(page.headers.get('x-robots-tag') ?? '', /noindex/);
  assert.match(page.headers.get('cache-control') ?? '', /no-store/);

  const again = await s.client.createShareLink(jobA.id);
  assert.equal(again.url, link.url, 'a fresh link of the same client is handed back, not a new one');
  assert.deepEqual((await s.client.listShareLinks(jobA.id)).links.map((l) => l.id), [link.id]);
  assert.equal(await s.client.shareReportUrl(jobA.id), `${s.url}${link.url}`);
});

test('a share link cannot tag, cannot be used as a token, and cannot reach another job', async () => {
  const secret = link.url.slice('/share/'.length);
  const asToken = await call(`${s.url}/api/v1/jobs/${jobA.id}/tags`, {
    method: 'POST', token: secret, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ person: 0, tag: 'male' }),
  });
  assert.equal(asToken.status, 401);
  for (const path of [`/api/v1/jobs/${jobA.id}/report?link=${secret}`, `/api/v1/jobs/${jobB.id}/people`]) {
    assert.equal((await call(`${s.url}${path}`, { headers: { cookie: `link=${secret}` } })).status, 401, path);
  }
  assert.equal((await call(`${s.url}${link.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"person":0,"tag":"male"}' })).status, 404, 'share pages only read');
  for (const suffix of ['/tags', '/people', `/..%2f..%2fapi%2fv1%2fjobs%2f${jobB.id}%2freport`, `/${jobB.id}`]) {
    assert.notEqual((await call(`${s.url}${link.url}${suffix}`)).status, 200, suffix);
  }
  assert.equal((await s.client.getPeople(jobA.id)).revision, 0, 'nothing was tagged');

  // B's link with A's signature, and A's with B's: refused, and neither opens the other's report.
  const linkB = await s.client.createShareLink(jobB.id);
  const [idA, sigA] = secret.split('.');
  const [idB, sigB] = linkB.url.slice('/share/'.length).split('.');
  for (const forged of [`${idB}.${sigA}`, `${idA}.${sigB}`, `${idA}.${sigA!.slice(0, -1)}${sigA!.endsWith('A') ? 'B' : 'A'}`, `${idA}x.${sigA}`, 'nonsense']) {
    const answer = await call(`${s.url}/share/${forged}`);
    assert.equal(answer.status, 403, forged);
    assert.match(answer.text, /This share link is not valid/);
    assert.doesNotMatch(answer.text, /women/);
  }
  assert.match((await call(`${s.url}${linkB.url}`)).text, /1 women/, "B's link shows B's report");
});

test('a revoked link stops at once; an expired one stops; both say why, as a page', async () => {
  const other = await s.client.createShareLink(jobA.id, { days: 2 }); // A's 30-day link is fresh: that one comes back
  assert.equal(other.id, link.id);
  await s.client.revokeShareLink(link.id);
  const revoked = await call(`${s.url}${link.url}`);
  assert.equal(revoked.status, 403);
  assert.match(revoked.headers.get('content-type') ?? '', /text\/html/);
  assert.match(revoked.text, /This share link was revoked/);
  assert.match(revoked.headers.get('content-security-policy') ?? '', /default-src 'none'/);

  const short = await s.client.createShareLink(jobA.id, { days: 1 });
  assert.notEqual(short.id, link.id, 'a revoked link is never handed back');
  assert.equal((await call(`${s.url}${short.url}`)).status, 200);
  clock += DAY_MS + 1000;
  const expired = await call(`${s.url}${short.url}`);
  assert.equal(expired.status, 403);
  assert.match(expired.text, /This share link has expired/);
  const renewed = await s.client.createShareLink(jobA.id, { days: 1 });
  assert.notEqual(renewed.id, short.id, 'an expired link is never handed back');
  assert.equal((await call(`${s.url}${renewed.url}`)).status, 200);
  assert.equal((await call(`${s.url}/api/v1/jobs/${jobA.id}/share-links`, { token: s.token, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"days":366}' })).status, 400);
});

test('an operator makes, lists and revokes links with `onscreen share` where the data folder is', async () => {
  const { REDIS_URL: _r, ONSCREEN_SECRET: _s, ...base } = process.env;
  // Asynchronous, so that the server in this process keeps answering while the command runs.
  const cli = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const bin = fileURLToPath(new URL('../../../bin/onscreen.js', import.meta.url));
      execFile(process.execPath, [bin, 'share', ...args, '--data-dir', s.dataDir], { env: { ...base, ONSCREEN_PUBLIC_URL: s.url }, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
  const made = await cli(jobA.id, '--days', '3');
  assert.equal(made.status, 0, made.stderr);
  const url = made.stdout.trim();
  assert.match(url, new RegExp(`^${s.url}/share/[\\w-]{22}\\.[\\w-]{43}$`));
  assert.equal((await call(url)).status, 200, 'the server honours a link the CLI made');
  const id = /share revoke (\S+)\)/.exec(made.stderr)?.[1] ?? '';
  assert.match((await cli('list', jobA.id)).stdout, new RegExp(`^${id}  by cli  expires`, 'm'));
  assert.equal((await cli('revoke', id)).status, 0);
  assert.equal((await call(url)).status, 403);
  const unknown = await cli('0123456789abcdef0123');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /No job 0123456789abcdef0123/);
  assert.equal((await cli(jobA.id, '--days', '0')).status, 2, 'days are 1 to 365');
});

test("links are made, listed and revoked only within the token's workspace; a deleted job's links die with it", async () => {
  const rival = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('rival', { workspace: 'elsewhere' }) });
  await assert.rejects(rival.createShareLink(jobA.id), { code: 'job_not_found' });
  await assert.rejects(rival.listShareLinks(jobA.id), { code: 'job_not_found' });
  const live = await s.client.createShareLink(jobB.id);
  await assert.rejects(rival.revokeShareLink(live.id), { code: 'not_found' });
  assert.equal((await call(`${s.url}${live.url}`)).status, 200, 'still open');

  await s.client.deleteJob(jobB.id);
  const gone = await call(`${s.url}${live.url}`);
  assert.equal(gone.status, 403);
  assert.match(gone.text, /not valid/);
});
