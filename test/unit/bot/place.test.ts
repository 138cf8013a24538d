import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BlockAction } from '@slack/bolt';
import { placeOf } from '../../../bot/src/listeners/actions/place.js';

test('a click in a thread message is placed in that channel and thread', () => {
  const body = { user: { id: 'U1' }, channel: { id: 'C1' }, container: { type: 'message', channel_id: 'C1', message_ts: '2.0', thread_ts: '1.0' }, message: { ts: '2.0', thread_ts: '1.0' } };
  assert.deepEqual(placeOf(body as unknown as BlockAction), { user: 'U1', channel: 'C1', threadTs: '1.0' });
});

test('a click in the person modal is placed where the modal was opened from; bad metadata places it nowhere', () => {
  const inModal = (metadata: string) => ({ user: { id: 'U2' }, container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', private_metadata: metadata } }) as unknown as BlockAction;
  assert.deepEqual(placeOf(inModal(JSON.stringify({ channel: 'C9', threadTs: '9.0' }))), { user: 'U2', channel: 'C9', threadTs: '9.0' });
  assert.deepEqual(placeOf(inModal('not json')), { user: 'U2', channel: null, threadTs: null });
  assert.deepEqual(placeOf(inModal(JSON.stringify({ channel: 7 }))), { user: 'U2', channel: null, threadTs: null });
});
