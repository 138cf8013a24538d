/**
 * Start an analysis from the page: upload a video file (with upload progress), or give a link
 * (YouTube or a direct media URL). Once the engine has the job, the page opens it, where the
 * analysis's progress and time left show.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import type { Job } from '../../../../shared/src/api/types.js';
import { describeError, formatPercent } from '../../../../shared/src/ui/format.js';
import { uploadWithProgress } from './upload.js';

export interface NewAnalysisFormProps {
  client: OnscreenClient;
  token: string;
  /** Where to go once the job exists (the job's page). */
  onStarted: (job: Job) => void;
}

export function NewAnalysisForm({ client, token, onStarted }: NewAnalysisFormProps): JSX.Element {
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (send: (signal: AbortSignal) => Promise<Job>): Promise<void> => {
    abort.current = new AbortController();
    setBusy(true);
    setError(null);
    try {
      onStarted(await send(abort.current.signal));
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
      setSent(null);
    }
  };
  const upload = (event: Event): void => {
    event.preventDefault();
    if (!file) return;
    setSent(0);
    void start((signal) => uploadWithProgress(token, file, setSent, signal));
  };
  const link = (event: Event): void => {
    event.preventDefault();
    if (url.trim()) void start(() => client.createJob({ url: url.trim(), requester: 'tagging page' }));
  };

  return (
    <section class="os-new" aria-labelledby="os-new-title">
      <h2 id="os-new-title">Analyse a video</h2>
      <div class="os-new__forms">
        <form class="os-new__form" onSubmit={upload} aria-label="Upload a video file">
          <label for="os-new-file">A video file from this computer</label>
          <input id="os-new-file" name="file" type="file" accept="video/*,.mp4,.mov,.mkv,.webm,.avi,.ts" disabled={isBusy}
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
          <button type="submit" class="os-button os-button--primary" disabled={isBusy || !file}>Upload and analyse</button>
        </form>
        <form class="os-new__form" onSubmit={link} aria-label="Analyse a video link">
          <label for="os-new-url">Or a link: YouTube, or a direct link to a video file</label>
          <input id="os-new-url" name="url" type="url" placeholder="https://www.youtube.com/watch?v=…" value={url} disabled={isBusy}
            onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="os-button os-button--primary" disabled={isBusy || !url.trim()}>Analyse the link</button>
        </form>
      </div>
      {sent !== null && (
        <div class="os-new__progress" aria-live="polite">
          <span>Uploading {file?.name}: {formatPercent(sent)}</span>
          <div class="os-meter" role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(sent * 100)}>
            <div class="os-meter__fill" style={{ width: formatPercent(sent) }} />
          </div>
          <button type="button" class="os-link" onClick={() => abort.current?.abort()}>Cancel the upload</button>
        </div>
      )}
      {isBusy && sent === null && <p class="os-muted" role="status">Asking the engine…</p>}
      {error && <p class="os-error" role="alert">{error}</p>}
    </section>
  );
}
