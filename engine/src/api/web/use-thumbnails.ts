/**
 * Person thumbnails as object URLs (fetched with the token, like the charts). A thumbnail is
 * fetched again when the person's makeup changes (merge, split), a few at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PersonView } from '../../../../shared/src/analysis.js';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import { toObjectUrl } from './use-report.js';

const PARALLEL = 4;

export function useThumbnails(client: OnscreenClient, jobId: string, people: readonly PersonView[]): (person: PersonView) => string | undefined {
  const urls = useRef(new Map<string, string>());
  const pending = useRef(new Set<string>());
  const [, setVersion] = useState(0);

  useEffect(() => {
    const wanted = people.filter((p) => !urls.current.has(keyOf(p)) && !pending.current.has(keyOf(p)));
    wanted.forEach((p) => pending.current.add(keyOf(p)));
    let next = 0;
    const work = async (): Promise<void> => {
      for (let person = wanted[next++]; person; person = wanted[next++]) {
        const key = keyOf(person);
        try {
          urls.current.set(key, toObjectUrl(await client.getThumbnail(jobId, person.id), 'image/jpeg'));
          setVersion((v) => v + 1);
        } catch {
          // A missing thumbnail leaves the placeholder; tagging still works.
        } finally {
          pending.current.delete(key);
        }
      }
    };
    for (let i = 0; i < Math.min(PARALLEL, wanted.length); i++) void work();
  }, [client, jobId, people]);

  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  return useCallback((person: PersonView) => urls.current.get(keyOf(person)), []);
}

function keyOf(person: PersonView): string {
  return `${person.id}:${person.thumbnail}:${person.tracks.join(',')}`;
}
