/**
 * Thumbnails as object URLs (fetched with the token, like the charts), a few at a time: a
 * person's faces (fetched again when the person's makeup changes: merge, split) and a track's
 * best face (for picking which tracks to split off).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PersonView } from '../../../../shared/src/analysis.js';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import { toObjectUrl } from './use-report.js';

const PARALLEL = 4;

export function useThumbnails(client: OnscreenClient, jobId: string, people: readonly PersonView[]): (person: PersonView) => string | undefined {
  const get = useObjectUrls(people, personKey, (person) => client.getThumbnail(jobId, person.id));
  return useCallback((person: PersonView) => get(personKey(person)), [get]);
}

/** Track faces, fetched when first asked for (a person's tracks are shown only while splitting them). */
export function useTrackThumbnails(client: OnscreenClient, jobId: string): (track: number) => string | undefined {
  const [tracks, setTracks] = useState<number[]>([]);
  const asked = useRef(new Set<number>());
  const get = useObjectUrls(tracks, String, (track) => client.getTrackThumbnail(jobId, track));
  return useCallback(
    (track: number) => {
      if (!asked.current.has(track)) {
        asked.current.add(track);
        queueMicrotask(() => setTracks((now) => [...now, track]));
      }
      return get(String(track));
    },
    [get],
  );
}

/** Fetches each item's image once per key, keeps it as an object URL, and revokes them all at the end. */
function useObjectUrls<T>(items: readonly T[], keyOf: (item: T) => string, fetchOne: (item: T) => Promise<Uint8Array>): (key: string) => string | undefined {
  const urls = useRef(new Map<string, string>());
  const pending = useRef(new Set<string>());
  const [, setVersion] = useState(0);

  useEffect(() => {
    const wanted = items.filter((item) => !urls.current.has(keyOf(item)) && !pending.current.has(keyOf(item)));
    wanted.forEach((item) => pending.current.add(keyOf(item)));
    let next = 0;
    const work = async (): Promise<void> => {
      for (let item = wanted[next++]; item !== undefined; item = wanted[next++]) {
        const key = keyOf(item);
        try {
          urls.current.set(key, toObjectUrl(await fetchOne(item), 'image/jpeg'));
          setVersion((v) => v + 1);
        } catch {
          // A missing thumbnail leaves the placeholder; tagging still works.
        } finally {
          pending.current.delete(key);
        }
      }
    };
    for (let i = 0; i < Math.min(PARALLEL, wanted.length); i++) void work();
    // fetchOne and keyOf are rebuilt every render; what to fetch depends on the items only.
  }, [items]);

  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  return useCallback((key: string) => urls.current.get(key), []);
}

function personKey(person: PersonView): string {
  return `${person.id}:${person.thumbnail}:${person.tracks.join(',')}`;
}
