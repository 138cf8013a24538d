/** "On behalf of": what clients may send, how free names are cleaned, and how an edit's author reads (page, Slack). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOnBehalfOf, describeActor, ON_BEHALF_OF_MAX_CHARS, toOnBehalfOf } from '../../../shared/src/actor.js';
import { formatActor } from '../../../bot/src/blocks/mrkdwn.js';

test('plain names, Slack ids and e-mail addresses pass; markup, quotes, control characters and long text do not', () => {
  for (const ok of ['ana', 'Ana María', "Zoë O'Neil", 'slack:U123ABC', 'slack:T1:W9', 'ana@example.org', '李小龍', 'a'.repeat(ON_BEHALF_OF_MAX_CHARS)]) {
    assert.equal(checkOnBehalfOf(ok), null, ok);
  }
  for (const bad of ['', ' ana', '<script>alert(1)</script>', 'a"b', 'a&b', 'ana\u0000', 'ana\nbob', '<!channel>', '-ana', 'a'.repeat(ON_BEHALF_OF_MAX_CHARS + 1), 'a/b', 'a%3Cb']) {
    assert.notEqual(checkOnBehalfOf(bad), null, JSON.stringify(bad));
  }
});

test('a name a user typed is cleaned into an acceptable one, or dropped when nothing is left', () => {
  assert.equal(toOnBehalfOf('  Ana <b>Reporter</b>  '), 'Ana bReporterb');
  assert.equal(toOnBehalfOf('tagging page'), 'tagging page');
  assert.equal(toOnBehalfOf('<>&"'), undefined);
  assert.equal(toOnBehalfOf(undefined), undefined);
  assert.equal(toOnBehalfOf('x'.repeat(200))!.length, ON_BEHALF_OF_MAX_CHARS);
  for (const typed of ['  -- ana', 'a\u0000b', "O'Neil <x>"]) assert.equal(checkOnBehalfOf(toOnBehalfOf(typed)!), null, typed);
});

test("an edit's author reads as the person and the client; Slack mentions the users the bot vouched for and escapes the rest", () => {
  assert.equal(describeActor({ by: 'newsroom', onBehalfOf: 'ana' }), 'ana (via newsroom)');
  assert.equal(describeActor({ by: 'newsroom', onBehalfOf: null }), 'newsroom');
  assert.equal(describeActor({ by: null }), 'someone');
  assert.equal(formatActor('slack-bot', 'slack:U123ABC'), '<@U123ABC>');
  assert.equal(formatActor('extension', 'ana'), 'ana (via extension)');
  assert.equal(formatActor('<!channel>', null), '&lt;!channel&gt;', 'an odd stored name is escaped, not a mention');
});
