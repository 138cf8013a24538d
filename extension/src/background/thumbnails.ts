/** People's thumbnails as data URLs: pages cannot fetch them, the token stays in the worker. */
import type { OnscreenClient } from '../../../shared/src/api/client.js';
import type { PeopleResponse } from '../../../shared/src/api/types.js';
import type { PeopleWithThumbnails } from '../messages.js';

const cache = new Map<string, string>();
const MAX_CACHED = 300;

export async function withThumbnails(client: OnscreenClient, people: PeopleResponse): Promise<PeopleWithThumbnails> {
  const entries = await Promise.all(
    people.people.map(async (person) => {
      // A merge or split changes a person's tracks, and with them the picture.
      const key = `${client.baseUrl}|${people.jobId}|${person.id}|${person.tracks.join(',')}`;
      let src = cache.get(key);
      if (!src) {
        src = toDataUrl(await client.getThumbnail(people.jobId, person.id).catch(() => new Uint8Array()));
        if (src) remember(key, src);
      }
      return [person.id, src] as const;
    }),
  );
  return { ...people, thumbnails: Object.fromEntries(entries.filter(([, src]) => src)) };
}

function remember(key: string, src: string): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, src);
}

export function toDataUrl(bytes: Uint8Array, type = 'image/jpeg'): string {
  if (bytes.length === 0) return '';
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}
