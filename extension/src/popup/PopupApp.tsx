/**
 * The toolbar popup (also opened as a window from a notification or the page's button): the
 * current video's job, its people to tag, the results, and the recent analyses.
 */
import type { JSX } from 'preact';
import { COLOURS } from '../../../shared/src/palette.js';
import { useState } from 'preact/hooks';
import type { Job } from '../../../shared/src/api/types.js';
import { JobProgress } from '../../../shared/src/ui/JobProgress.js';
import { isVideoRefusal, type ErrorDisplay } from '../errors.js';
import { describeJob, isAnalysing } from '../jobs.js';
import { ask } from '../messaging.js';
import { isConfigured } from '../settings.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { ANALYZE_LABEL } from '../ui/button-state.js';
import { canonicalWatchUrl } from '../youtube-page.js';
import { ChannelSoFar } from './ChannelSoFar.js';
import { PeoplePanel } from './PeoplePanel.js';
import { PlaylistPanel } from './PlaylistPanel.js';
import { RecentJobs } from './RecentJobs.js';
import { ResultsPanel } from './ResultsPanel.js';
import { toDisplay, usePopupState } from './use-popup-state.js';

type Panel = 'people' | 'results';

export function PopupApp({ jobId }: { jobId: string | null }): JSX.Element {
  const state = usePopupState(jobId);
  const [error, setError] = useState<ErrorDisplay | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [revision, setRevision] = useState(0);
  // Merges and splits change the count: the tab shows the grid's, not the job's first one.
  const [peopleCount, setPeopleCount] = useState<{ jobId: string; count: number } | null>(null);
  const [isStarting, setStarting] = useState(false);
  const { job, video, settings } = state;
  const onError = (caught: unknown): void => setError(toDisplay(caught, settings));
  const openOptions = (): void => void ask('openOptions', {}).catch(onError);

  const analyze = async (force = false): Promise<void> => {
    const videoId = video?.videoId ?? job?.source.videoId;
    if (!videoId) return;
    setError(null);
    setStarting(true);
    await ask('analyze', { url: canonicalWatchUrl(videoId), force }).catch(onError);
    setStarting(false);
  };

  // The tab's title is the one the user sees on YouTube; a job opened by id has only its own.
  const title = video?.title || job?.title || (job ? describeJob(job) : state.playlist?.title || 'onscreen');
  let body: JSX.Element;
  if (state.isLoading) body = <p class="os-muted ext-loading">Loading…</p>;
  else if (!isConfigured(settings)) {
    body = (
      <div class="ext-card">
        <h2>Connect onscreen to an engine</h2>
        <p>onscreen sends videos to an onscreen engine, which finds the faces. Enter its address and an API token.</p>
        <button type="button" class="os-button os-button--primary" onClick={openOptions}>
          Open options
        </button>
      </div>
    );
  } else if (!job) {
    body = video ? (
      <div class="ext-card">
        <h2>Who gets the screen time?</h2>
        <p>Find the people in this video, tag them, and see how long women and men are on screen.</p>
        <button type="button" class="os-button os-button--primary" disabled={isStarting} onClick={() => void analyze()}>
          {isStarting ? 'Starting…' : ANALYZE_LABEL}
        </button>
      </div>
    ) : state.playlist ? (
      <></>
    ) : (
      <p class="os-empty">Open a YouTube video, then press “{ANALYZE_LABEL}” under it.</p>
    );
  } else if (isAnalysing(job) || job.status === 'failed') {
    body = (
      <>
        <JobProgress job={job} />
        {job.status === 'failed' && !(job.error && isVideoRefusal(job.error.code)) && (
          <button type="button" class="os-button ext-retry" disabled={isStarting} onClick={() => void analyze(true)}>
            Analyse again
          </button>
        )}
      </>
    );
  } else {
    const shown: Panel = panel ?? (job.status === 'done' ? 'results' : 'people');
    body = (
      <>
        <nav class="ext-tabs" role="tablist">
          <TabButton panel="people" shown={shown} onSelect={setPanel} label={`People (${(peopleCount?.jobId === job.id ? peopleCount.count : job.people) ?? '…'})`} />
          <TabButton panel="results" shown={shown} onSelect={setPanel} label="Results" />
        </nav>
        {shown === 'people' ? (
          <PeoplePanel
            job={job}
            onLoad={(loaded) => setPeopleCount({ jobId: job.id, count: loaded.people.length })}
            onChange={(changed) => {
              setPeopleCount({ jobId: job.id, count: changed.people.length });
              setRevision((r) => r + 1);
            }}
            onError={onError}
          />
        ) : (
          <ResultsPanel job={job} revision={revision} onError={onError} />
        )}
      </>
    );
  }

  return (
    <div class="os-app ext-popup">
      <header class="ext-head">
        <Logo />
        <h1 class="ext-head__title" title={title}>
          {title}
        </h1>
        <button type="button" class="os-link" onClick={openOptions}>
          Options
        </button>
      </header>
      <main class="ext-main">
        {error && <ErrorNotice error={error} onOpenOptions={openOptions} onDismiss={() => setError(null)} />}
        {body}
        {/* Across videos: the channel's totals so far, and a playlist to analyse as a whole. */}
        {isConfigured(settings) && !state.isLoading && video && <ChannelSoFar tabId={video.tabId} />}
        {isConfigured(settings) && !state.isLoading && state.playlist && <PlaylistPanel playlist={state.playlist} onError={onError} />}
      </main>
      {/* Only once the popup knows its job: the list leaves that one out, and must not flicker. */}
      {!state.isLoading && (
        <RecentJobs jobs={state.recent} currentJobId={job?.id ?? jobId} pageUrlOf={(j: Job) => (settings ? new URL(j.pageUrl, settings.serverUrl).toString() : null)} />
      )}
    </div>
  );
}

function TabButton(props: { panel: Panel; shown: Panel; label: string; onSelect: (panel: Panel) => void }): JSX.Element {
  const isSelected = props.panel === props.shown;
  return (
    <button type="button" role="tab" aria-selected={isSelected} class={`ext-tab${isSelected ? ' ext-tab--on' : ''}`} onClick={() => props.onSelect(props.panel)}>
      {props.label}
    </button>
  );
}

function Logo(): JSX.Element {
  return (
    <svg class="ext-logo" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <rect x="3" y="6" width="11" height="5" rx="1.5" fill={COLOURS.female} />
      <rect x="3" y="13" width="18" height="5" rx="1.5" fill={COLOURS.male} />
    </svg>
  );
}
