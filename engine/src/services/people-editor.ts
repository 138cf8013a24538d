/**
 * The one edit path: tag, merge, split, accept suggestions and undo, for the command line (a plain
 * analysis folder) and the service (a job) alike. Requests become edits, are validated in order
 * against the history, and are appended in one write under the history's lock: all or nothing.
 * A repeated edit (a retried request, a tag given twice) changes nothing and is not stored.
 */
import type { Analysis, Edit, PersonView, Tag } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { EditHistory } from '../contracts/edit-history.js';
import { applyEdits, isEffectiveEdit, nextClusterId, validateEdit } from '../stages/people/edits.js';

export type EditRequest =
  | { kind: 'tag'; person: number; tag: Tag }
  | { kind: 'merge'; into: number; from: number }
  /** Without `tracks`, every track but the first becomes its own person. */
  | { kind: 'split'; person: number; tracks?: readonly number[] | undefined }
  | { kind: 'accept-suggestions' }
  | { kind: 'undo' }
  | { kind: 'redo' };

/** Who edits, and when (an ISO time). */
export interface Editor {
  by: string;
  at: string;
}

export interface EditOutcome {
  analysis: Analysis;
  /** The whole history after the edits. */
  edits: Edit[];
  /** The edits this call stored (repeated ones are left out). */
  recorded: Edit[];
  people: PersonView[];
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
    return { analysis, edits, recorded, people: applyEdits(analysis, edits) };
  });
}

function toEdits(request: EditRequest, analysis: Analysis, edits: readonly Edit[], { by, at }: Editor): Edit[] {
  switch (request.kind) {
    case 'tag':
      return [{ kind: 'tag', cluster: request.person, tag: request.tag, by, at }];
    case 'merge':
      return [{ kind: 'merge', into: request.into, from: request.from, by, at }];
    case 'undo':
      return [{ kind: 'undo', by, at }];
    case 'redo':
      return [{ kind: 'redo', by, at }];
    case 'accept-suggestions': {
      const clusters = applyEdits(analysis, edits).filter((p) => p.tag === null && p.suggestion !== null).map((p) => p.id);
      return [{ kind: 'accept-suggestions', clusters, by, at }];
    }
    case 'split':
      return splitEdits(request.person, request.tracks, analysis, edits, { by, at });
  }
}

function splitEdits(person: number, tracks: readonly number[] | undefined, analysis: Analysis, edits: readonly Edit[], { by, at }: Editor): Edit[] {
  const next = nextClusterId(analysis, edits);
  if (tracks && tracks.length > 0) return [{ kind: 'split', cluster: person, tracks: [...tracks], newCluster: next, by, at }];
  const current = applyEdits(analysis, edits).find((p) => p.id === person);
  if (!current) throw new OnscreenError('cluster_unknown', `There is no person ${person}.`);
  if (current.tracks.length < 2) throw new OnscreenError('bad_request', `Person ${person} has one track only: there is nothing to split.`);
  const group = `split-${person}-${at}`;
  return current.tracks.slice(1).map((track, i) => ({ kind: 'split' as const, cluster: person, tracks: [track], newCluster: next + i, by, at, group }));
}
