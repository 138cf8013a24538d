/**
 * A deleted job leaves the people library too (issue 10: deletion means gone). Library people stay
 * (a person chose to remember them, and their face signatures are the library's), but nothing in
 * them names the job any more: it leaves their list of videos (its title, source, screen time), the
 * face signatures taken from it are labelled with `alias` instead of its id, and the changes that
 * name it say "from a deleted video". Pure: returns the new state, or null when nothing named it.
 */
import type { LibraryChange, LibraryPerson, LibraryState } from './library-person.js';

export const DELETED_VIDEO = 'from a deleted video';

/**
 * `labels`: how changes of libraries made before changes carried their analysis named the video
 * (its title, else its source), as in "from <label> (person 3)".
 */
export function forgetAnalysis(state: LibraryState, key: string, alias: string, labels: readonly string[]): LibraryState | null {
  let isChanged = false;
  const people = state.people.map((person) => {
    const next = forgetIn(person, key, alias, labels);
    if (next !== person) isChanged = true;
    return next;
  });
  return isChanged ? { ...state, people } : null;
}

function forgetIn(person: LibraryPerson, key: string, alias: string, labels: readonly string[]): LibraryPerson {
  const namesIt = (change: LibraryChange) => change.analysis === key || labels.some((label) => change.detail.startsWith(`from ${label} (person `));
  const isNamed = person.seenIn.some((s) => s.analysis === key) || person.exemplars.some((e) => e.analysis === key) || person.history.some(namesIt);
  if (!isNamed) return person;
  return {
    ...person,
    seenIn: person.seenIn.filter((s) => s.analysis !== key),
    exemplars: person.exemplars.map((e) => (e.analysis === key ? { ...e, analysis: alias } : e)),
    history: person.history.map((change) => {
      if (!namesIt(change)) return change;
      const { analysis: _named, ...rest } = change;
      return { ...rest, detail: DELETED_VIDEO };
    }),
  };
}
