/**
 * The engine's web page (bundled to /assets/page.js): `/` lists the jobs, `/jobs/:id` tags one
 * and shows its report. Talks to the engine only through OnscreenClient, at this page's origin.
 */
import type { JSX } from 'preact';
import { render } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { OnscreenClient } from '../../../../shared/src/api/client.js';
import { JobListPage } from './JobListPage.js';
import { JobPage } from './JobPage.js';
import { LibraryPage } from './LibraryPage.js';
import { CollectionListPage } from './CollectionListPage.js';
import { CollectionPage } from './CollectionPage.js';
import { isCollectionsPath, isLibraryPath, readCollectionId, readJobId } from './route.js';
import { forgetToken, readEditor, readToken } from './session.js';
import { TokenForm } from './TokenForm.js';

function App(): JSX.Element {
  const [client, setClient] = useState<OnscreenClient | null>(() => {
    const token = readToken();
    return token ? new OnscreenClient({ baseUrl: location.origin, token }) : null;
  });
  const [reason, setReason] = useState<string | null>(null);
  const jobId = readJobId(location.pathname);
  const collectionId = readCollectionId(location.pathname);
  const isFrontPage = !jobId && !collectionId && !isLibraryPath(location.pathname) && !isCollectionsPath(location.pathname);

  const signOut = useCallback((why: string | null) => {
    forgetToken();
    setReason(why);
    setClient(null);
  }, []);
  const onUnauthorized = useCallback(() => signOut('The engine no longer accepts that token. Enter it again.'), [signOut]);
  const token = readToken();

  return (
    <div class="os-app">
      <header class="os-topbar">
        <a class="os-brand" href="/">
          <span class="os-brand__mark" aria-hidden="true" />
          onscreen
        </a>
        <nav class="os-topbar__nav">
          {client && !isFrontPage && <a href="/">All videos</a>}
          {client && <a href="/collections">Collections</a>}
          {client && <a href="/library">People library</a>}
          {client && (
            <button type="button" class="os-link os-topbar__signout" onClick={() => signOut(null)}>
              Sign out
            </button>
          )}
        </nav>
      </header>
      <main class="os-main">
        {!client || !token ? (
          <TokenForm reason={reason} onReady={setClient} />
        ) : collectionId ? (
          <CollectionPage client={client} collectionId={collectionId} onUnauthorized={onUnauthorized} />
        ) : isCollectionsPath(location.pathname) ? (
          <CollectionListPage client={client} onUnauthorized={onUnauthorized} />
        ) : isLibraryPath(location.pathname) ? (
          <LibraryPage client={client} by={readEditor()} onUnauthorized={onUnauthorized} />
        ) : jobId ? (
          <JobPage client={client} token={token} jobId={jobId} onUnauthorized={onUnauthorized} />
        ) : (
          <JobListPage client={client} token={token} onUnauthorized={onUnauthorized} />
        )}
      </main>
    </div>
  );
}

/** Mounts into the shell's #app (or #root) element, or a new one, whatever the shell provides. */
function findMount(): HTMLElement {
  const existing = document.getElementById('app') ?? document.getElementById('root');
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = 'app';
  document.body.append(created);
  return created;
}

if (typeof document !== 'undefined') render(<App />, findMount());
