import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
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
