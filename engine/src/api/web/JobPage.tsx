/**
 * One video: follows the analysis live (server-sent events), then shows the people to tag beside
 * the report, which is fetched again after every edit so the figures and charts follow the tags.
 * The event stream stays open while the page is: an edit made anywhere else (another page, the
 * API, the Slack bot, the CLI through the service) changes the job, and the page fetches again.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import type { Job, PeopleResponse, VideoSource } from '../../../../shared/src/api/types.js';
import { describeError, formatDuration } from '../../../../shared/src/ui/format.js';
import { JobProgress } from '../../../../shared/src/ui/JobProgress.js';
import { PeopleGrid } from '../../../../shared/src/ui/PeopleGrid.js';
import { VoicesSection } from '../../../../shared/src/ui/VoicesSection.js';
import { WhoSpeaks } from '../../../../shared/src/ui/WhoSpeaks.js';
import { VoicePlayButton } from './VoicePlayButton.js';
import { ReportView, type ExportFormat } from '../../../../shared/src/ui/ReportView.js';
import { downloadExport } from './download.js';
import { readEditor } from './session.js';
import { useChartWidth } from './use-chart-width.js';
import { useReport } from './use-report.js';
import { useThumbnails, useTrackThumbnails } from './use-thumbnails.js';
import { type SeekRequest, VideoPlayer } from './VideoPlayer.js';

export interface JobPageProps {
  client: OnscreenClient;
  token: string;
  jobId: string;
  /** Called when the engine refuses the token, so the page can ask again. */
  onUnauthorized: () => void;
}

export function JobPage({ client, token, jobId, onUnauthorized }: JobPageProps): JSX.Element {
  const [job, setJob] = useState<Job | null>(null);
  const [people, setPeople] = useState<PeopleResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reportColumn, chartWidth] = useChartWidth();
  const { report, chartUrls, error: reportError, isUpdating, refresh } = useReport(client, jobId, chartWidth);
  const thumbnailSrc = useThumbnails(client, jobId, people?.people ?? []);
  const trackSrc = useTrackThumbnails(client, jobId);
  const by = readEditor();
  const [libraryNote, setLibraryNote] = useState<string | null>(null);
  const seen = useRef<string | null>(null);
  const [video, setVideo] = useState<VideoSource | null>(null);
  const [seek, setSeek] = useState<SeekRequest | null>(null);

  const fail = useCallback(
    (error: unknown) => ((error as { code?: string }).code === 'unauthorized' ? onUnauthorized() : setFailure(describeError(error))),
    [onUnauthorized],
  );

  useEffect(() => {
    const abort = new AbortController();
    client.followJob(jobId, setJob, abort.signal).catch((error: unknown) => abort.signal.aborted || fail(error));
    return () => abort.abort();
  }, [client, jobId, fail]);

  const isReady = job?.status === 'tagging' || job?.status === 'done';
  // Every change of the job once it is ready (an edit by anyone) brings the people and report again.
  const changed = isReady ? job.updatedAt : null;
  useEffect(() => {
    if (changed === null || changed === seen.current) return;
    seen.current = changed;
    client.getPeople(jobId).then((next) => setPeople((now) => (now && now.revision > next.revision ? now : next)), fail);
    void refresh();
  }, [client, jobId, changed, refresh, fail]);

  useEffect(() => {
    if (isReady) client.getVideo(jobId).then(setVideo, () => setVideo(null));
  }, [client, jobId, isReady]);

  useEffect(() => {
    if (job) document.title = `${job.title ?? job.source.label} · onscreen`;
  }, [job]);

  const edit = (call: () => Promise<PeopleResponse>) => async (): Promise<void> => {
    setPeople(await call());
    void refresh();
  };

  if (failure && !job) {
    return (
      <div class="os-notfound">
        <p class="os-error" role="alert">{failure}</p>
        <p>
          <a class="os-button" href="/">See all videos</a>
        </p>
      </div>
    );
  }
  if (!job) return <p class="os-muted">Loading…</p>;

  return (
    <div class="os-page-job">
      <header class="os-page-title">
        <h1>{job.title ?? job.source.label}</h1>
        <p class="os-muted">{describeJob(job)}</p>
      </header>
      {failure && <p class="os-error" role="alert">{failure}</p>}
      {!isReady && <JobProgress job={job} />}
      {!isReady && job.status !== 'failed' && (
        <p class="os-muted">You can close this page: the analysis goes on, and the video will be in the list when it is ready.</p>
      )}
      {isReady && (
        <div class="os-columns">
          <section class="os-column os-column--people" aria-labelledby="os-people-title">
            <h2 id="os-people-title">1. Tag the people</h2>
            <p class="os-muted os-lede">
              For each person, choose Female, Male, Unknown, or Not a face. Merge two cards that show the same person.
            </p>
            {people ? (
              <PeopleGrid
                people={people.people}
                thumbnailSrc={thumbnailSrc}
                videoSeconds={job.duration ?? undefined}
                isFinished={job.status === 'done'}
                onTag={(person, tag) => edit(() => client.tag(jobId, person, tag, by))()}
                onMerge={(into, from) => edit(() => client.merge(jobId, into, from, by))()}
                pending={{ undo: people.undo, redo: people.redo }}
                onSplit={(person, tracks) => edit(() => client.split(jobId, person, by, tracks))()}
                onName={(person, name) => edit(() => client.name(jobId, person, name, by))()}
                onNotThem={(person) => edit(() => client.notThem(jobId, person, by))()}
                trackSrc={trackSrc}
                onAcceptSuggestions={edit(() => client.acceptSuggestions(jobId, by))}
                onUndo={edit(() => client.undo(jobId, by))}
                onRedo={edit(() => client.redo(jobId, by))}
                onShow={video && video.kind !== 'none' ? (seconds) => setSeek({ seconds }) : undefined}
                onFinish={async () => {
                  setJob(await client.finish(jobId, by));
                  void refresh();
                }}
              />
            ) : (
              <p class="os-muted">Loading the people…</p>
            )}
            {people?.voices && (
              <VoicesSection
                voices={people.voices}
                hear={(voice) => <VoicePlayButton client={client} jobId={jobId} voice={voice} />}
                onTag={(voice, tag) => void edit(() => client.tagVoice(jobId, voice, tag, by))().catch(fail)}
              />
            )}
            {people?.speech && (
              <WhoSpeaks
                speech={people.speech}
                people={people.people}
                onCorrect={(start, end, person) => void edit(() => client.correctSpeaker(jobId, start, end, person, by))().catch(fail)}
              />
            )}
            <p class="os-muted">
              <button
                type="button"
                class="os-link"
                onClick={() =>
                  void client.addToLibrary(jobId, by).then(
                    (r) => setLibraryNote(`People library: ${r.added.length} added, ${r.updated.length} updated.`),
                    (error: unknown) => setLibraryNote(describeError(error)),
                  )
                }
              >
                Remember the people tagged here
              </button>{' '}
              (the <a href="/library">people library</a> recognises them in the next videos) {libraryNote && <span role="status">{libraryNote}</span>}
            </p>
          </section>
          <section class="os-column os-column--report" aria-labelledby="os-report-title" ref={reportColumn}>
            {video && <VideoPlayer source={video} seek={seek} />}
            <h2 id="os-report-title">
              2. Report{' '}
              <span class="os-updating" role="status">
                {isUpdating ? 'Updating…' : ''}
              </span>
            </h2>
            {reportError !== null && <p class="os-error" role="alert">The report could not be updated. {describeError(reportError)}</p>}
            {report ? (
              <ReportView
                report={report}
                chartUrls={chartUrls}
                onExport={(format: ExportFormat) => void downloadExport(client, token, jobId, format).catch(fail)}
              />
            ) : (
              <p class="os-muted">Loading the report…</p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/** The line under the title: where the video came from, its length, whether tagging is done. */
function describeJob(job: Job): string {
  const parts = [
    job.title ? job.source.label : null,
    job.duration !== null ? `${formatDuration(job.duration)} of video` : null,
    job.status === 'done' ? 'Tagging finished' : null,
  ];
  return parts.filter((part) => part !== null).join(' · ');
}
