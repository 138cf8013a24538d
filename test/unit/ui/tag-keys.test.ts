import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagForKey } from '../../../shared/src/ui/tag-keys.js';

const press = (key: string, more: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>> & { target?: unknown } = {}) => ({
  key, ctrlKey: false, metaKey: false, altKey: false, target: null, ...more,
}) as Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>;

test('F, M, U and N tag, in either case', () => {
  assert.deepEqual(['f', 'M', 'u', 'N'].map((key) => tagForKey(press(key))), ['female', 'male', 'unknown', 'not-face']);
});

test('other keys, chords and typing in a field tag nothing', () => {
  assert.equal(tagForKey(press('x')), null);
  assert.equal(tagForKey(press('f', { ctrlKey: true })), null);
  assert.equal(tagForKey(press('m', { metaKey: true })), null);
  assert.equal(tagForKey(press('f', { target: { tagName: 'INPUT', type: 'text' } })), null);
  assert.equal(tagForKey(press('f', { target: { tagName: 'TEXTAREA' } })), null);
  // A focused checkbox or button is not typing.
  assert.equal(tagForKey(press('f', { target: { tagName: 'INPUT', type: 'checkbox' } })), 'female');
  assert.equal(tagForKey(press('m', { target: { tagName: 'BUTTON' } })), 'male');
});
