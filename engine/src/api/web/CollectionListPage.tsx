/** The collections page (`/collections`): every collection of the workspace, and a form to start one. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import type { Collection } from '../../../../shared/src/api/types.js';
import { describeError } from '../../../../shared/src/ui/format.js';

export interface CollectionListPageProps {
  client: OnscreenClient;
  onUnauthorized: () => void;
}

export function CollectionListPage({ client, onUnauthorized }: CollectionListPageProps): JSX.Element {
  const [collections, setCollections] = useState<Collection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback(
    (failure: unknown) => ((failure as { code?: string }).code === 'unauthorized' ? onUnauthorized() : setError(describeError(failure))),
    [onUnauthorized],
  );

  useEffect(() => {
    document.title = 'Collections · onscreen';
    client.listCollections().then(setCollections, fail);
  }, [client, fail]);

  const create = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('collection-name') as HTMLInputElement;
    client.createCollection(input.value).then((created) => location.assign(`/collections/${encodeURIComponent(created.id)}`), fail);
  };

  return (
    <div class="os-page-list">
      <header class="os-page-title">
        <h1>Collections</h1>
        <p class="os-muted">A collection adds up a body of work (a programme, a channel, a month): shares per video, the trend, and the people most on screen.</p>
      </header>
      <form class="os-new os-new__form" onSubmit={create}>
        <label class="os-field">
          New collection
          <input name="collection-name" type="text" required maxLength={200} placeholder="Evening news, March" />
        </label>
        <button type="submit" class="os-button os-button--primary">Create</button>
      </form>
      {error && <p class="os-error" role="alert">{error}</p>}
      {!collections && !error && <p class="os-muted">Loading…</p>}
      {collections?.length === 0 && <p class="os-empty">No collection yet: create one, then add analysed videos to it.</p>}
      <ul class="os-collections">
        {collections?.map((collection) => (
          <li key={collection.id} data-collection={collection.id}>
            <a href={`/collections/${encodeURIComponent(collection.id)}`}>{collection.name}</a>{' '}
            <span class="os-muted">
              {collection.jobIds.length} {collection.jobIds.length === 1 ? 'video' : 'videos'}; created {collection.createdAt.slice(0, 10)}
              {collection.createdBy ? ` by ${collection.createdBy}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
