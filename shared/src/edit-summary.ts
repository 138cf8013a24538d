/**
 * One sentence for a tagging action, the same on every surface: the page's undo and redo buttons
 * ("Undo: Alice tagged Person 3 female"), the CLI's undo and redo, the API's PeopleResponse.
 */
import { personOf } from './actor.js';
import type { Edit, Tag, VoiceTag } from './analysis.js';
import { formatSpan } from './format/clock.js';
import type { EditSummary } from './api/types.js';
import { personLabel } from './ui/format.js';

type Change = Exclude<Edit, { kind: 'undo' | 'redo' }>;

const TAG_WORDS: Record<Tag, string> = { female: 'female', male: 'male', unknown: 'unknown', 'not-face': 'not a face' };
const VOICE_TAG_WORDS: Record<VoiceTag, string> = { female: 'female', male: 'male', unknown: 'unknown', 'not-speech': 'not speech' };

/** "Alice tagged Person 3 female"; the edits of one action (a split in several steps share a group). */
export function describeAction(edits: readonly Change[]): string {
  const first = edits[0];
  if (!first) return 'nothing';
  return `${personOf(first)} ${describeWhat(first, edits)}`;
}

/** The summary of one pending action, or null when there is none. */
export function summariseAction(edits: readonly Change[] | null): EditSummary | null {
  const first = edits?.[0];
  if (!edits || !first) return null;
  return { kind: first.kind, by: first.by, at: first.at, label: describeAction(edits) };
}

function describeWhat(first: Change, edits: readonly Change[]): string {
  switch (first.kind) {
    case 'tag':
      return `tagged ${personLabel(first.cluster)} ${TAG_WORDS[first.tag]}`;
    case 'merge':
      return `merged ${personLabel(first.from)} into ${personLabel(first.into)}`;
    case 'accept-suggestions': {
      const count = first.clusters.length;
      return `accepted ${count === 1 ? 'the suggestion' : `${count} suggestions`}`;
    }
    case 'name':
      return `named ${personLabel(first.cluster)} ${first.name.trim()}`;
    case 'not-known':
      return `said ${personLabel(first.cluster)} is not the person recognised`;
    case 'tag-voice':
      return `tagged voice ${first.voice} ${VOICE_TAG_WORDS[first.tag]}`;
    case 'speaker':
      return `set the speaker of ${formatSpan(first.start, first.end)} to ${first.person === null ? 'off screen' : personLabel(first.person)}`;
    case 'split': {
      const moved = edits.flatMap((e) => (e.kind === 'split' ? e.tracks : []));
      return edits.length > 1
        ? `split ${personLabel(first.cluster)} into ${edits.length + 1} people`
        : `moved ${moved.length === 1 ? 'a track' : `${moved.length} tracks`} of ${personLabel(first.cluster)} to ${personLabel(first.newCluster)}`;
    }
  }
}
