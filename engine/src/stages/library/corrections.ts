/**
 * A person's corrections of people recognised from the library, as the library must follow them
 * (issue 9: "correct it, which also updates the library"): a new tag, a new name, or "not them"
 * (the face signatures this analysis gave the library person, if it was added to it, were not
 * theirs). Confirming the library's tag or name changes nothing. Pure.
 */
import type { Analysis, Edit } from '../../../../shared/src/analysis.js';
import { LIBRARY_GENDERS, type LibraryGender } from '../../../../shared/src/library.js';
import { applyEdits } from '../people/edits.js';

export type LibraryCorrection =
  | { kind: 'tag'; person: string; gender: LibraryGender }
  | { kind: 'name'; person: string; name: string }
  /** The tracks of this analysis that were recognised as `person`, wrongly. */
  | { kind: 'not-them'; person: string; tracks: number[] };

/** The corrections in `recorded`, the edits just stored at the end of `edits`. */
export function libraryCorrections(analysis: Analysis, edits: readonly Edit[], recorded: readonly Edit[]): LibraryCorrection[] {
  const before = new Map(applyEdits(analysis, edits.slice(0, edits.length - recorded.length)).map((p) => [p.id, p]));
  const corrections: LibraryCorrection[] = [];
  for (const edit of recorded) {
    if (edit.kind !== 'tag' && edit.kind !== 'name' && edit.kind !== 'not-known') continue;
    const person = before.get(edit.cluster);
    const known = person?.known;
    if (!person || !known) continue;
    if (edit.kind === 'tag' && LIBRARY_GENDERS.includes(edit.tag as LibraryGender) && edit.tag !== known.gender) {
      corrections.push({ kind: 'tag', person: known.person, gender: edit.tag as LibraryGender });
    } else if (edit.kind === 'name' && edit.name.trim() !== '' && edit.name.trim() !== known.name) {
      corrections.push({ kind: 'name', person: known.person, name: edit.name.trim() });
    } else if (edit.kind === 'not-known') {
      corrections.push({ kind: 'not-them', person: known.person, tracks: [...person.tracks] });
    }
  }
  return corrections;
}
