/**
 * The people library page (`/library`): who is remembered, with their face, name, tag and the
 * videos they were seen in (where they came from), plus rename and delete. Faces are biometric
 * data: deleting removes the person's face signatures and picture from the server.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeActor } from '../../../../shared/src/actor.js';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import type { LibraryPersonSummary } from '../../../../shared/src/library.js';
import { describeError, TAG_LABELS } from '../../../../shared/src/ui/format.js';
import { toObjectUrl } from './use-report.js';

export interface LibraryPageProps {
  client: OnscreenClient;
  by: string;
  onUnauthorized: () => void;
}

export function LibraryPage({ client, by, onUnauthorized }: LibraryPageProps): JSX.Element {
  const [people, setPeople] = useState<LibraryPersonSummary[] | null>(null);
  const [faces, setFaces] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        const { people: listed } = await client.listLibrary();
        setPeople(listed);
        setError(null);
      } catch (failure) {
        if ((failure as { code?: string }).code === 'unauthorized') onUnauthorized();
        else setError(describeError(failure));
      }
    },
    [client, onUnauthorized],
  );

  useEffect(() => {
    document.title = 'People library · onscreen';
    void run(async () => undefined);
  }, [run]);
  useEffect(() => {
    for (const person of people ?? []) {
      if (faces[person.id]) continue;
      client.getLibraryThumbnail(person.id).then(
        (bytes) => setFaces((f) => ({ ...f, [person.id]: toObjectUrl(bytes, 'image/jpeg') })),
        () => undefined,
      );
    }
  }, [client, people, faces]);

  return (
    <div class="os-page-list">
      <header class="os-page-title">
        <h1>People library</h1>
        <p class="os-muted">People tagged in earlier videos, recognised in new ones. Each keeps a few face signatures and one picture.</p>
      </header>
      {error && <p class="os-error" role="alert">{error}</p>}
      {!people && !error && <p class="os-muted">Loading…</p>}
      {people?.length === 0 && <p class="os-muted">Nobody yet. On a video's page, tag people, then add them to the library.</p>}
      <ul class="os-grid os-library">
        {people?.map((person) => (
          <li key={person.id} class="os-card" data-library-person={person.id}>
            {faces[person.id] ? <img src={faces[person.id]} alt={`Face of ${person.name ?? person.id}`} width={96} height={96} /> : <div class="os-card__placeholder" />}
            <h2>{person.name ?? `${person.id} (no name)`}</h2>
            <p>
              {TAG_LABELS[person.gender]}, tagged by {describeActor({ by: person.taggedBy, onBehalfOf: person.taggedOnBehalfOf })}; added by {person.createdBy}; changed by {person.updatedBy} on {person.updatedAt.slice(0, 10)}
            </p>
            <p class="os-muted">
              Seen in {person.seenIn.length} {person.seenIn.length === 1 ? 'video' : 'videos'}: {person.seenIn.map((s) => s.title ?? s.source).join(', ')}
            </p>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const input = (event.currentTarget as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
                void run(() => client.renameLibraryPerson(person.id, input.value, by));
              }}
            >
              <input name="name" type="text" maxLength={120} defaultValue={person.name ?? ''} aria-label={`Name of ${person.id}`} />
              <button type="submit" class="os-link">Rename</button>
            </form>
            <button
              type="button"
              class="os-link"
              onClick={() => {
                if (confirm(`Delete ${person.name ?? person.id} from the library, with their face signatures and picture?`)) void run(() => client.removeLibraryPerson(person.id));
              }}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
