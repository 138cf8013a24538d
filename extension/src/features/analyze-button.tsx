/**
 * The "Analyze representation" button beside the player's actions: starts an analysis of the
 * video, shows the job's state, opens the job once there is something to see.
 */
import { render, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../../shared/src/api/types.js';
import { readStorage } from '../browser.js';
import type { Feature } from '../content/feature.js';
import { keepInserted, removeOnAbort, type Place } from '../content/dom.js';
import { findActions } from '../content/youtube-dom.js';
import { followJob } from '../follow-job.js';
import { watchVideoPage } from '../content/video-page.js';
import { asCode, describeError, ExtensionError, toErrorInfo, type ErrorDisplay } from '../errors.js';
import { ask } from '../messaging.js';
import { SETTINGS_KEY, type Settings } from '../settings.js';
import { AnalyzeButton, ANALYZE_BUTTON_CSS } from '../ui/AnalyzeButton.js';
import { describeButton } from '../ui/button-state.js';
import { isWatchPage, type VideoPage } from '../youtube-page.js';

export const HOST_TAG = 'onscreen-analyze';

/** Beside the like/share row: first in the active metadata's `#actions`, before `#actions-inner`. */
export function findButtonPlace(doc: Document = document): Place | null {
  const actions = findActions(doc);
  if (!actions) return null;
  return { parent: actions, before: actions.querySelector(':scope > #actions-inner') ?? actions.firstChild };
}

export const analyzeButton: Feature = {
  id: 'analyze-button',
  include: [isWatchPage],
  init(signal) {
    // A button left by an earlier run (or an earlier copy of the extension) goes first: never two.
    for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
    const host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ANALYZE_BUTTON_CSS;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    render(<ButtonController signal={signal} />, mount);
    signal.addEventListener('abort', () => render(null, mount), { once: true });
    removeOnAbort(host, signal);
    keepInserted(host, () => findButtonPlace(), signal);
  },
};

function ButtonController({ signal }: { signal: AbortSignal }): JSX.Element {
  const [page, setPage] = useState<VideoPage>({ kind: 'unavailable', label: 'Analyze representation', reason: 'Looking for the video…' });
  const [job, setJob] = useState<Job | null>(null);
  const [isStarting, setStarting] = useState(false);
  const [error, setError] = useState<ErrorDisplay | null>(null);
  const [dismissedFailure, setDismissedFailure] = useState<string | null>(null);
  const videoId = page.kind === 'video' ? page.videoId : null;

  useEffect(() => watchVideoPage(signal, setPage), []);
  useEffect(() => {
    if (videoId) followJob({ videoId }, signal, setJob);
  }, [videoId]);

  const view = describeButton({ page, job, isStarting });
  const onClick = async (): Promise<void> => {
    setError(null);
    try {
      if (view.action === 'open' && job) await ask('openTagging', { jobId: job.id });
      else if ((view.action === 'analyze' || view.action === 'reanalyze') && page.kind === 'video') {
        setStarting(true);
        setJob(await ask('analyze', { url: page.url, force: view.action === 'reanalyze' }));
      }
    } catch (caught) {
      const settings = await readStorage<Settings>(SETTINGS_KEY).catch(() => undefined);
      setError(describeError(caught instanceof ExtensionError ? caught.toInfo() : toErrorInfo(caught), settings?.serverUrl));
    } finally {
      setStarting(false);
    }
  };

  // A failed analysis says why right under the button, not only in its tooltip.
  const failure = job?.status === 'failed' && job.error && dismissedFailure !== job.id ? describeError({ ...job.error, code: asCode(job.error.code) }) : null;
  return (
    <AnalyzeButton
      view={view}
      error={error ?? failure}
      onClick={() => void onClick()}
      onOpenOptions={() => void ask('openOptions', {}).catch(() => undefined)}
      onDismissError={() => {
        setError(null);
        if (job?.status === 'failed') setDismissedFailure(job.id);
      }}
    />
  );
}
