/**
 * The one edit path: tag, merge, split, accept suggestions, voices and speakers, and undo, for the command line (a plain
 * analysis folder) and the service (a job) alike. Requests become edits, are validated in order
 * against the history, and are appended in one write under the history's lock: all or nothing.
 * A repeated edit (a retried request, a tag given twice) changes nothing and is not stored.
 */
import type { Analysis, Edit, PersonView, Tag, VoiceTag, VoiceView } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { EditHistory } from '../contracts/edit-history.js';
import { applyEdits, editedState, isEffectiveEdit, nextClusterId, validateEdit } from '../stages/people/edits.js';

export type EditRequest =
  | { kind: 'tag'; person: number; tag: Tag }
  | { kind: 'merge'; into: number; from: number }
  /** Without `tracks`, every track but the first becomes its own person. */
  | { kind: 'split'; person: number; tracks?: readonly number[] | undefined }
  | { kind: 'accept-suggestions' }
  /** A name for a person (issue 9); in the same history, so undo takes it back. */
  | { kind: 'name'; person: number; name: string }
  /** The person recognised from the people library is someone else: the recognition and its tag go. */
  | { kind: 'not-them'; person: number }
  /** A voice heard off screen, tagged by ear (issue 14). */
  | { kind: 'tag-voice'; voice: string; tag: VoiceTag }
  /** Who speaks in [start, end] seconds: a person, or null for nobody seen (off screen). */
  | { kind: 'speaker'; start: number; end: number; person: number | null }
  | { kind: 'undo' }
  | { kind: 'redo' };

/** Who edits (the client, and the person it acts for if it said), and when (an ISO time). */
export interface Editor {
  by: string;
  onBehalfOf?: string | undefined;
  at: string;
}

export interface EditOutcome {
  analysis: Analysis;
  /** The whole history after the edits. */
  edits: Edit[];
  /** The edits this call stored (repeated ones are left out). */
  recorded: Edit[];
  people: PersonView[];
  voices: VoiceView[];
}

export function recordEdits(history: EditHistory, requests: readonly EditRequest[], editor: Editor): Promise<EditOutcome> {
  return history.locked(async () => {
    const [analysis, stored] = await Promise.all([history.readAnalysis(), history.readEdits()]);
    const recorded: Edit[] = [];
    for (const request of requests) {
      for (const edit of toEdits(request, analysis, [...stored, ...recorded], editor)) {
        const before = [...stored, ...recorded];
        const error = validateEdit(analysis, before, edit);
        if (error) throw error;
        if (isEffectiveEdit(analysis, before, edit)) recorded.push(edit);
      }
    }
    if (recorded.length > 0) await history.appendEdits(recorded);
    const edits = [...stored, ...recorded];
    const { persons, voices } = editedState(analysis, edits);
    return { analysis, edits, recorded, people: persons, voices };
  });
}

function toEdits(request: EditRequest, analysis: Analysis, edits: readonly Edit[], editor: Editor): Edit[] {
  const { by, at } = editor;
  const who = editor.onBehalfOf ? { onBehalfOf: editor.onBehalfOf } : {};
  switch (request.kind) {
    case 'tag':
      return [{ kind: 'tag', cluster: request.person, tag: request.tag, by, ...who, at }];
    case 'merge':
      return [{ kind: 'merge', into: request.into, from: request.from, by, ...who, at }];
    case 'undo':
      return [{ kind: 'undo', by, ...who, at }];
    case 'name':
      return [{ kind: 'name', cluster: request.person, name: request.name, by, ...who, at }];
    case 'not-them':
      return [{ kind: 'not-known', cluster: request.person, by, ...who, at }];
    case 'redo':
      return [{ kind: 'redo', by, ...who, at }];
    case 'tag-voice':
      return [{ kind: 'tag-voice', voice: request.voice, tag: request.tag, by, ...who, at }];
    case 'speaker':
      return [{ kind: 'speaker', start: request.start, end: request.end, person: request.person, by, ...who, at }];
    case 'accept-suggestions': {
      const clusters = applyEdits(analysis, edits).filter((p) => p.tag === null && p.suggestion !== null).map((p) => p.id);
      return [{ kind: 'accept-suggestions', clusters, by, ...who, at }];
    }
    case 'split':
      return splitEdits(request.person, request.tracks, analysis, edits, editor);
  }
}

function splitEdits(person: number, tracks: readonly number[] | undefined, analysis: Analysis, edits: readonly Edit[], editor: Editor): Edit[] {
  const { by, at } = editor;
  const who = editor.onBehalfOf ? { onBehalfOf: editor.onBehalfOf } : {};
  const next = nextClusterId(analysis, edits);
  if (tracks && tracks.length > 0) return [{ kind: 'split', cluster: person, tracks: [...tracks], newCluster: next, by, ...who, at }];
  const current = applyEdits(analysis, edits).find((p) => p.id === person);
  if (!current) throw new OnscreenError('cluster_unknown', `There is no person ${person}.`);
  if (current.tracks.length < 2) throw new OnscreenError('bad_request', `Person ${person} has one track only: there is nothing to split.`);
  const group = `split-${person}-${at}`;
  return current.tracks.slice(1).map((track, i) => ({ kind: 'split' as const, cluster: person, tracks: [track], newCluster: next + i, by, ...who, at, group }));
}
