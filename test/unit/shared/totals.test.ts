/** A body of work's totals in words, the same in Slack and in the extension. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectionReport } from '../../../shared/src/collection.js';
import { describeTotals } from '../../../shared/src/format/totals.js';

function total(tagging: CollectionReport['total']['tagging'], videos = 12): CollectionReport['total'] {
  return {
    videos, duration: 3600, femaleShareOfGendered: 0.4,
    screenTime: { female: { seconds: 1224, share: 0.34 }, male: { seconds: 2088, share: 0.58 }, unknown: { seconds: 0, share: 0 } },
    femaleShareRange: { low: 0.312, high: 0.381 }, people: { female: 8, male: 12, unknown: 1, untagged: 3 },
    ...(tagging ? { tagging } : {}),
  };
}

test('the headline, the range and how complete the tagging is', () => {
  const words = describeTotals(total({ byPerson: 18, fromLibrary: 2, acceptedSuggestion: 1, untagged: 3 }));
  assert.equal(words.headline, 'women on screen 34% over 12 videos');
  assert.equal(words.womenRange, '31–38%');
  assert.equal(words.men, '58%');
  assert.equal(words.tagging, '18 of 24 people tagged by a person, 2 recognised from the library, 1 suggestion accepted unchecked, 3 not tagged yet');
  assert.equal(words.isTaggingComplete, false);
});

test('complete tagging, one video, and a report from before tagging was summed', () => {
  const words = describeTotals(total({ byPerson: 3, fromLibrary: 1, acceptedSuggestion: 0, untagged: 0 }, 1));
  assert.equal(words.headline, 'women on screen 34% over 1 video');
  assert.equal(words.tagging, '3 of 4 people tagged by a person, 1 recognised from the library');
  assert.equal(words.isTaggingComplete, true);
  assert.equal(describeTotals(total(undefined)).isTaggingComplete, false);
});
