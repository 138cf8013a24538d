/**
 * On a playlist page (or a video played in a playlist): "Analyse this playlist" starts one analysis
 * per video (the engine's newest 10, in a collection), then shows how far they are until all are done.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PlaylistProgress, PlaylistTab } from '../messages.js';
import { ask } from '../messaging.js';
import { summarisePlaylist } from '../playlist.js';

const POLL_MS = 2000;

export function PlaylistPanel({ playlist, onError }: { playlist: PlaylistTab; onError: (error: unknown) => void }): JSX.Element {
  const [progress, setProgress] = useState<PlaylistProgress | null>(null);
  const [isStarting, setStarting] = useState(false);
  const summary = progress ? summarisePlaylist(progress.jobs) : null;

  // What this browser started for the playlist before; then, while videos are analysing, every 2 s.
  useEffect(() => {
    if (summary?.isFinished) return undefined;
    const timer = setTimeout(() => void ask('playlistProgress', { listId: playlist.listId }).then((p) => p && setProgress(p)).catch(() => undefined), progress ? POLL_MS : 0);
    return () => clearTimeout(timer);
  }, [playlist.listId, progress, summary?.isFinished]);

  const start = (): void => {
    setStarting(true);
    void ask('analysePlaylist', { listId: playlist.listId })
      .then(setProgress)
      .catch(onError)
      .finally(() => setStarting(false));
  };

  if (!progress || !summary) {
    return (
      <section class="ext-card ext-playlist" aria-label="This playlist">
        <h2>Across this playlist</h2>
        <p>Analyse its newest videos (up to 10), one analysis each, and see the women's and men's screen time added up.</p>
        <button type="button" class="os-button os-button--primary" disabled={isStarting} onClick={start}>
          {isStarting ? 'Starting…' : 'Analyse this playlist'}
        </button>
      </section>
    );
  }
  const skipped = progress.collection.skipped.length;
  return (
    <section class="ext-card ext-playlist" aria-label="This playlist">
      <h2>{progress.collection.name}</h2>
      <progress class="ext-playlist__bar" max={100} value={summary.percent} aria-label="Playlist analysed" />
      <p role="status">{summary.isFinished ? `Done: ${summary.line}.` : `${summary.line}…`}</p>
      {summary.eta && <p class="os-muted">{summary.eta[0]!.toUpperCase() + summary.eta.slice(1)}</p>}
      {skipped > 0 && <p class="os-muted">{skipped} {skipped === 1 ? 'video was' : 'videos were'} skipped (private, deleted or live).</p>}
      <a class="os-link" href={progress.pageUrl} target="_blank" rel="noreferrer">
        Open the collection page
      </a>
    </section>
  );
}
