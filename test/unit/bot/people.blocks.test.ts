/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_IDS, DISPLAY_VIEW_IDS, TAG_ACTIONS } from '../../../bot/src/blocks/ids.js';
import { LIMITS } from '../../../bot/src/blocks/limits.js';
import { buildPeoplePage, chooseLayout, COMPACT_FROM, COMPACT_PEOPLE_PER_PAGE, countPages, PEOPLE_PER_PAGE, peoplePerPage, sortPeople, type PeoplePageView } from '../../../bot/src/blocks/people.blocks.js';
import { buildPersonModal } from '../../../bot/src/blocks/person-modal.blocks.js';
import { decodeLayoutRef, decodeMergeRef, decodePersonRef } from '../../../bot/src/blocks/values.js';
import { assertWithinLimits, makePeople, makePerson } from './fixtures.js';

function view(overrides: Partial<PeoplePageView> = {}): PeoplePageView {
  return {
    jobId: 'a1b2c3d4-0000-4000-8000-123456789abc',
    people: sortPeople(makePeople(3)),
    page: 0,
    videoLabel: 'Evening news',
    duration: 120,
    faceUrl: (person) => `https://bot.example/thumbnails/job/${person}-face.jpg?exp=1&sig=x`,
    finishedBy: null,
    layout: 'full',
    ...overrides,
  };
}

type Any = Record<string, any>;

test('every page of many people stays within Block Kit limits', () => {
  for (const count of [1, PEOPLE_PER_PAGE, PEOPLE_PER_PAGE + 1, 37, 150]) {
    const people = sortPeople(makePeople(count));
    const pages = countPages(count);
    assert.equal(pages, Math.ceil(count / PEOPLE_PER_PAGE));
    const seen = new Set<number>();
    for (let page = 0; page < pages; page += 1) {
      const built = buildPeoplePage(view({ people, page }));
      assertWithinLimits(built.blocks);
      assert.ok(built.text.length > 0 && built.text.length <= LIMITS.fallbackChars);
      for (const block of built.blocks as any[]) {
        const id = /^person\.(\d+)$/.exec(block.block_id ?? '')?.[1];
        if (id) seen.add(Number(id));
      }
    }
    assert.equal(seen.size, count, `every one of ${count} people appears on exactly one page`);
  }
});

test('a person shows thumbnail, suggestion with confidence, the four tag buttons and a merge menu', () => {
  const people = [makePerson(0, { suggestion: { gender: 'female', confidence: 0.87 } }), makePerson(1), makePerson(2)];
  const built = buildPeoplePage(view({ people }));
  const blocks = built.blocks as any[];
  const section = blocks.find((b) => b.block_id === 'person.0');
  assert.match(section.text.text, /Suggestion: female, 87% sure/);
  assert.match(section.text.text, /Not tagged yet/);
  assert.equal(section.accessory.type, 'image');
  assert.equal(section.accessory.image_url, 'https://bot.example/thumbnails/job/0-face.jpg?exp=1&sig=x', 'the square face, not the strip');
  const actions = blocks.find((b) => b.block_id === 'person.0.actions');
  const buttons = actions.elements.filter((e: Any) => e.type === 'button' && e.action_id !== ACTION_IDS.personDetails);
  assert.deepEqual(buttons.map((b: Any) => b.text.text), ['Female', 'Male', 'Unknown', 'Not a face']);
  assert.deepEqual(buttons.map((b: Any) => b.action_id), TAG_ACTIONS.map((t) => t.actionId));
  for (const button of buttons) assert.deepEqual(decodePersonRef(button.value), { jobId: view().jobId, person: 0 });
  const menu = actions.elements.find((e: Any) => e.type === 'static_select');
  assert.equal(menu.action_id, ACTION_IDS.merge);
  assert.deepEqual(menu.options.map((o: Any) => decodeMergeRef(o.value)?.into), [1, 2]);
  assert.ok(menu.options.every((o: Any) => decodeMergeRef(o.value)?.from === 0));
  const more = actions.elements.find((e: Any) => e.action_id === ACTION_IDS.personDetails);
  assert.equal(more.text.text, 'More faces');
  assert.deepEqual(decodePersonRef(more.value), { jobId: view().jobId, person: 0 });
});

test('who tagged what is shown, and the chosen tag is highlighted', () => {
  const people = [
    makePerson(0, { tag: 'female', tagOrigin: 'person', taggedBy: 'slack:U111' }),
    makePerson(1, { tag: 'male', tagOrigin: 'suggestion', taggedBy: 'slack:U222' }),
    makePerson(2, { tag: 'not-face', tagOrigin: 'person', taggedBy: 'web page' }),
  ];
  const blocks = buildPeoplePage(view({ people })).blocks as any[];
  const text = (id: number) => blocks.find((b) => b.block_id === `person.${id}`).text.text as string;
  assert.match(text(0), /\*Female\*, tagged by <@U111>/);
  assert.match(text(1), /\*Male\*, suggestion accepted by <@U222>/);
  assert.match(text(2), /\*Not a face\*, tagged by web page/);
  const styles = blocks.find((b) => b.block_id === 'person.0.actions').elements.map((e: Any) => e.style ?? null);
  assert.deepEqual(styles.slice(0, 4), ['primary', null, null, null]);
});

test('only the last page has Accept all and Finish; accept-all counts the untagged suggestions', () => {
  const people = sortPeople(makePeople(PEOPLE_PER_PAGE + 2));
  const controls = (page: number) => (buildPeoplePage(view({ people, page })).blocks as any[]).find((b) => b.block_id === 'controls');
  assert.equal(controls(0), undefined);
  const last = controls(1);
  const suggested = people.filter((p) => p.suggestion !== null).length;
  assert.deepEqual(last.elements.map((e: Any) => e.action_id), [ACTION_IDS.acceptAll, ACTION_IDS.finish, ACTION_IDS.switchLayout]);
  assert.equal(last.elements[0].text.text, `Accept all suggestions (${suggested})`);
  const allTagged = people.map((p) => ({ ...p, tag: 'unknown' as const }));
  const doneControls = (buildPeoplePage(view({ people: allTagged, page: 1, finishedBy: 'U9' })).blocks as any[]);
  assert.deepEqual(doneControls.find((b) => b.block_id === 'controls').elements.map((e: Any) => e.action_id), [ACTION_IDS.finish, ACTION_IDS.switchLayout]);
  assert.ok(doneControls.some((b) => b.type === 'section' && /Finished by <@U9>/.test(b.text.text)));
});

test('without a public URL people have no picture; a lone person has no merge menu; an emptied page says so', () => {
  const single = buildPeoplePage(view({ people: [makePerson(4)], faceUrl: () => null })).blocks as any[];
  assert.equal(single.find((b) => b.block_id === 'person.4').accessory, undefined);
  assert.ok(single.find((b) => b.block_id === 'person.4.actions').elements.every((e: Any) => e.type === 'button'));
  const emptied = buildPeoplePage(view({ people: makePeople(3), page: 1 }));
  assert.match(emptied.text, /nobody left on this message/);
});

test('the merge menu keeps to 100 options with 150 people', () => {
  const people = sortPeople(makePeople(150));
  const blocks = buildPeoplePage(view({ people })).blocks as any[];
  const menu = blocks.find((b) => b.block_id === `person.${people[0]!.id}.actions`).elements.find((e: Any) => e.type === 'static_select');
  assert.equal(menu.options.length, LIMITS.optionsPerSelect);
});

test('people are ordered longest on screen first', () => {
  const sorted = sortPeople([makePerson(1, { seconds: 5 }), makePerson(2, { seconds: 50 }), makePerson(3, { seconds: 5 })]);
  assert.deepEqual(sorted.map((p) => p.id), [2, 1, 3]);
});

test('fewer people per message on request, never more than Block Kit allows', () => {
  const people = sortPeople(makePeople(25));
  const perPerson = (page: number, perPage: number) => (buildPeoplePage(view({ people, page, perPage })).blocks as any[]).filter((b) => /^person\.\d+$/.test(b.block_id ?? '')).length;
  assert.equal(countPages(25, 4), 7);
  assert.equal(perPerson(0, 4), 4);
  assert.equal(perPerson(6, 4), 1);
  assert.equal(perPerson(0, 40), PEOPLE_PER_PAGE, 'clamped to the most that fits');
});

test('compact layout: one line per person with the face and the tag buttons, details on demand; 12 people fit one message', () => {
  const people = sortPeople(makePeople(12).map((p) => (p.id === 3 ? { ...p, tag: 'male' as const, tagOrigin: 'person' as const, taggedBy: 'slack:U7' } : p)));
  const built = buildPeoplePage(view({ people, layout: 'compact' }));
  assertWithinLimits(built.blocks);
  const blocks = built.blocks as any[];
  assert.equal(countPages(people.length, peoplePerPage('compact')), 1);
  assert.equal(blocks.filter((b) => /^person\.\d+$/.test(b.block_id ?? '')).length, 12, 'everyone in one message');
  assert.ok(blocks.find((b) => b.block_id === 'controls'), 'with the controls');
  assert.equal(blocks.filter((b) => b.type === 'divider' || b.type === 'context').length, 1, 'no dividers or context lines per person');
  const line = blocks.find((b) => b.block_id === 'person.3');
  assert.doesNotMatch(line.text.text, /\n/, 'one line');
  assert.match(line.text.text, /^\*Person 3\* · 1 min 37 s · male\? 90% · :white_check_mark: \*Male\* \(<@U7>\)$/);
  assert.equal(line.accessory.image_url, 'https://bot.example/thumbnails/job/3-face.jpg?exp=1&sig=x');
  const row = blocks.find((b) => b.block_id === 'person.3.actions').elements;
  assert.deepEqual(row.map((e: Any) => e.action_id), [...TAG_ACTIONS.map((t) => t.actionId), ACTION_IDS.personDetails], 'tag buttons and Details; the merge menu is in the details');
  assert.equal(row.at(-1).text.text, 'Details');
  const toggle = blocks.find((b) => b.block_id === 'controls').elements.at(-1);
  assert.equal(toggle.text.text, 'Show details');
  assert.deepEqual(decodeLayoutRef(toggle.value), { jobId: view().jobId, layout: 'full' });
  const full = buildPeoplePage(view({ people, layout: 'full' }));
  assert.equal(countPages(people.length, peoplePerPage('full')), 2, 'the full layout needs two messages for 12');
  assert.equal(built.blocks.length, 1 + 12 * 2 + 3, 'compact: heading, 2 blocks per person, controls');
  assert.equal(full.blocks.length, 1 + 10 * 4, 'full: heading and 4 blocks per person, for only 10 of them');
});

test('compact is the default from COMPACT_FROM people; a choice made in the thread wins', () => {
  assert.equal(chooseLayout(COMPACT_FROM - 1, null), 'full');
  assert.equal(chooseLayout(COMPACT_FROM, null), 'compact');
  assert.equal(chooseLayout(12, null), 'compact');
  assert.equal(chooseLayout(12, 'full'), 'full');
  assert.equal(chooseLayout(2, 'compact'), 'compact');
  for (const count of [COMPACT_PEOPLE_PER_PAGE, COMPACT_PEOPLE_PER_PAGE + 1, 150]) {
    const people = sortPeople(makePeople(count));
    const pages = countPages(count, peoplePerPage('compact'));
    for (let page = 0; page < pages; page += 1) assertWithinLimits(buildPeoplePage(view({ people, page, layout: 'compact' })).blocks);
  }
  assert.equal(peoplePerPage('compact', 2), 2);
  assert.equal(peoplePerPage('compact', 400), COMPACT_PEOPLE_PER_PAGE);
});

test('the person modal shows the strip of faces at full width, the details and the merge menu, and remembers the thread', () => {
  const people = sortPeople(makePeople(3));
  const place = { channel: 'C1', threadTs: '1700000000.000100' };
  const modal = buildPersonModal({ jobId: 'job-1', person: people[1]!, people, duration: 120, videoLabel: 'Evening news', stripUrl: 'https://bot.example/thumbnails/job-1/1.jpg?exp=1&sig=y', place });
  assertWithinLimits(modal.blocks, LIMITS.blocksPerView);
  assert.equal(modal.type, 'modal');
  assert.equal(modal.callback_id, DISPLAY_VIEW_IDS.personModal);
  assert.deepEqual(JSON.parse((modal as Any).private_metadata), place);
  const blocks = modal.blocks as any[];
  assert.equal(blocks[0].type, 'image');
  assert.equal(blocks[0].image_url, 'https://bot.example/thumbnails/job-1/1.jpg?exp=1&sig=y');
  assert.match(JSON.stringify(blocks), /Person 1\* in Evening news\\n1 min 39 s on screen \(83%\) · 5 faces in 2 shots/);
  const menu = blocks.find((b) => b.block_id === 'person.1.merge').accessory;
  assert.deepEqual(menu.options.map((o: Any) => decodeMergeRef(o.value)), [{ jobId: 'job-1', from: 1, into: 0 }, { jobId: 'job-1', from: 1, into: 2 }]);
  const bare = buildPersonModal({ jobId: 'job-1', person: people[0]!, people: [people[0]!], duration: null, videoLabel: 'v', stripUrl: null, place });
  assert.ok(!(bare.blocks as any[]).some((b) => b.type === 'image'), 'no picture without a public URL');
  assert.ok(!(bare.blocks as any[]).some((b) => b.accessory?.type === 'static_select'), 'no merge menu for a lone person');
});

test('a person flagged "check: may be two people" says so in one line of their section; others do not', () => {
  const doubtful = makePerson(1, { doubt: { reason: 'two-groups', groups: [[10], [11]], similarity: 0.34 } });
  const built = buildPeoplePage(view({ people: [makePerson(0), doubtful] }));
  const text = (id: number): string => (built.blocks as Any[]).find((b) => b.block_id === `person.${id}`)?.text?.text ?? '';
  assert.match(text(1), /\n:warning: \*Check: may be two people\.\* The faces either side of the bar look less alike than one person’s usually do\. Split them on the tagging page\.$/);
  assert.doesNotMatch(text(0), /may be two people/);
  assertWithinLimits(built.blocks as unknown[]);
});
