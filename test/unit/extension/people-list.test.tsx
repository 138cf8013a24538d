import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { VoiceView } from '../../../shared/src/analysis.js';
import { VoicesSection } from '../../../shared/src/ui/VoicesSection.js';
import { HearButton } from '../../../extension/src/popup/HearButton.js';
import { PeopleList } from '../../../extension/src/popup/PeopleList.js';
import { makePerson } from '../ui/ui-fixtures.js';

test('the popup\'s list marks a person flagged "check: may be two people", and only them', () => {
  const doubt = { reason: 'two-groups' as const, groups: [[10], [11]] as [number[], number[]], similarity: 0.34 };
  const html = render(<PeopleList people={[makePerson(1, { seconds: 20, doubt }), makePerson(2, { seconds: 10 })]} thumbnailSrc={() => undefined} isBusy={false} onTag={() => undefined} />);
  const rows = html.split('<li').slice(1);
  assert.match(rows[0]!, /aria-label="Person 1, 20 s on screen\. Check: may be two people\."/);
  assert.match(rows[0]!, /<span class="ext-row__doubt" title="Check: may be two people\. The faces either side of the bar look less alike than one person’s usually do\. Split in Cards\."/);
  assert.doesNotMatch(rows[1]!, /two people|ext-row__doubt/);
});

test('the popup\'s voices: each has a "hear" button that seeks the player to its first words, beside the weak suggestion and its caveat', () => {
  const voice: VoiceView = {
    id: 'v2', seconds: 4, person: null, suggestion: { gender: 'female', confidence: 0.58 }, pitchHz: 151, firstAt: 12.5, sample: 'voices/v2.m4a',
    tag: null, taggedBy: null, taggedOnBehalfOf: null, taggedAt: null, counts: null, countsFrom: null,
  };
  const seeks: number[] = [];
  const button = HearButton({ voice, onSeek: (seconds) => seeks.push(seconds) });
  (button.props as { onClick: () => void }).onClick();
  assert.deepEqual(seeks, [12.5], 'the same seek path as "show me", to the voice\'s first words');
  const html = render(<VoicesSection voices={[voice]} hear={(v) => <HearButton voice={v} onSeek={() => undefined} />} />);
  assert.match(html, /aria-label="Hear voice v2: play the video from 0:12"[^>]*>Hear<\/button>/);
  assert.match(html, /Suggested: woman 58%/);
  assert.match(html, /151 Hz while men.s ranged from 94 to 145 Hz/);
  const music = render(<VoicesSection voices={[{ ...voice, suggestion: { gender: 'not-speech', confidence: 0.8 } }]} hear={(v) => <HearButton voice={v} onSeek={undefined} />} />);
  assert.match(music, /Suggested: not speech \(music-like\) 80%/, 'a music-like voice: "not speech" suggested, with the same caveat');
  assert.match(music, /held notes \(music, singing\)/);
  const offline = render(<HearButton voice={voice} onSeek={undefined} />);
  assert.match(offline, /disabled/, 'no YouTube video to seek: the button is off');
});

test('the popup\'s list shows speaking time where speech was measured, and says so to screen readers', () => {
  const people = [makePerson(1, { seconds: 20, speakingSeconds: 75 }), makePerson(2, { seconds: 10, speakingSeconds: 0 }), makePerson(3, { seconds: 5 })];
  const rows = render(<PeopleList people={people} thumbnailSrc={() => undefined} isBusy={false} onTag={() => undefined} />).split('<li').slice(1);
  assert.match(rows[0]!, /aria-label="Person 1, 20 s on screen, 1 min 15 s speaking"/);
  assert.match(rows[0]!, /<span class="ext-row__speaking os-muted" title="1 min 15 s speaking">speaks 1 min 15 s<\/span>/);
  assert.match(rows[1]!, /aria-label="Person 2, 10 s on screen, not seen speaking"/);
  assert.doesNotMatch(rows[2]!, /speak/, 'an analysis without speech says nothing about it');
});

test('with no voice, the Voices section does not claim that no speech was found ("Who speaks" says that once)', () => {
  const html = render(<VoicesSection voices={[]} hear={(v) => <HearButton voice={v} onSeek={undefined} />} />);
  assert.match(html, /No voice to tag: no speech long enough to tell a voice from\./);
  assert.doesNotMatch(html, /No speech found/);
});
