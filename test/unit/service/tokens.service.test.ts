import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import { TokensService } from '../../../engine/src/services/tokens.service.js';
import { openDatabase } from '../../../engine/src/storage/database.js';
import { TokensRepository } from '../../../engine/src/storage/tokens.repository.js';
import { WorkspacesRepository } from '../../../engine/src/storage/workspaces.repository.js';

test('tokens: created once, authenticated by value, stored only as a hash, revoked at once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'onscreen-tokens-'));
  const db = openDatabase(dir);
  try {
    const tokens = new TokensService(new TokensRepository(db), new WorkspacesRepository(db));
    const nameOf = (token: string) => tokens.authenticate(token)?.name ?? null;
    const bot = tokens.create('slack-bot');
    const extension = tokens.create('extension');
    assert.match(bot, /^ons_[\w-]{43}$/);
    assert.equal(nameOf(bot), 'slack-bot');
    assert.equal(nameOf(extension), 'extension');
    assert.equal(nameOf(`${bot.slice(0, -1)}x`), null);
    assert.equal(nameOf('garbage'), null);
    db.pragma('wal_checkpoint(TRUNCATE)');
    assert.equal(readFileSync(join(dir, 'onscreen.sqlite')).includes(bot), false, 'the token itself is not stored');

    assert.throws(() => tokens.create('slack-bot'), (e: unknown) => e instanceof OnscreenError && /already exists/.test(e.message));
    assert.throws(() => tokens.create('../etc'), (e: unknown) => e instanceof OnscreenError && e.code === 'bad_request');
    tokens.revoke('slack-bot');
    assert.equal(nameOf(bot), null);
    assert.throws(() => tokens.revoke('slack-bot'), (e: unknown) => e instanceof OnscreenError && e.code === 'not_found');
    const renewed = tokens.create('slack-bot');
    assert.equal(nameOf(renewed), 'slack-bot');
    assert.deepEqual(tokens.list().map((t) => [t.name, t.revokedAt === null, t.lastUsedAt !== null]), [['extension', true, true], ['slack-bot', true, true]]);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
});
