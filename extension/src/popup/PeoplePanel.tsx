/**
 * The people found in the video: the shared tagging grid of cards, or a compact list (one line a
 * person) that keeps a dozen people in the popup's window, then who is heard (HeardSection).
 * Every edit goes through the worker.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../../shared/src/api/types.js';
import { ActionError } from '../../../shared/src/ui/ActionError.js';
import { GridToolbar } from '../../../shared/src/ui/GridToolbar.js';
import { PeopleGrid } from '../../../shared/src/ui/PeopleGrid.js';
import { useAction } from '../../../shared/src/ui/use-action.js';
import type { PeopleWithThumbnails } from '../messages.js';
import { ask } from '../messaging.js';
import { HeardSection } from './HeardSection.js';
import { PeopleList } from './PeopleList.js';

type PeopleView = 'cards' | 'list';
const VIEW_KEY = 'onscreen.peopleView';
/** More people than this open as the list, unless the user chose otherwise. */
const LIST_FROM = 6;

export interface PeoplePanelProps {
  job: Job;
  /** The people as first loaded. */
  onLoad: (people: PeopleWithThumbnails) => void;
  /** The people after an edit. */
  onChange: (people: PeopleWithThumbnails) => void;
  onError: (error: unknown) => void;
}

export function PeoplePanel({ job, onLoad, onChange, onError }: PeoplePanelProps): JSX.Element {
  const [people, setPeople] = useState<PeopleWithThumbnails | null>(null);
  const jobId = job.id;
  const videoId = job.source.videoId;

  useEffect(() => {
    ask('people', { jobId }).then((loaded) => {
      setPeople(loaded);
      onLoad(loaded);
    }, onError);
  }, [jobId]);

  const [chosen, setChosen] = useState<PeopleView | null>(() => readView());
  const action = useAction();

  if (!people) return <p class="os-muted ext-loading">Loading the people…</p>;

  /** Each edit answers the new people; keep them (thumbnails included) and tell the popup. */
  const apply = async (edit: Promise<PeopleWithThumbnails>): Promise<void> => {
    const next = await edit;
    setPeople(next);
    onChange(next);
  };
  const view: PeopleView = chosen ?? (people.people.length > LIST_FROM ? 'list' : 'cards');
  const choose = (next: PeopleView): void => {
    setChosen(next);
    localStorage.setItem(VIEW_KEY, next);
  };
  const onShow = videoId ? (seconds: number) => void ask('seek', { videoId, seconds }).catch(onError) : undefined;
  const heard = (isShowingError: boolean): JSX.Element => (
    <HeardSection
      people={people}
      action={action}
      isShowingError={isShowingError}
      onSeek={onShow}
      onTagVoice={(voice, tag) => apply(ask('tagVoice', { jobId, voice, tag }))}
      onCorrect={(start, end, person) => apply(ask('correctSpeaker', { jobId, start, end, person }))}
    />
  );
  const switcher = (
    <div class="ext-view" role="group" aria-label="Show people as">
      {(['list', 'cards'] as const).map((option) => (
        <button type="button" class={`ext-view__option${view === option ? ' ext-view__option--on' : ''}`} aria-pressed={view === option} onClick={() => choose(option)}>
          {option === 'list' ? 'List' : 'Cards'}
        </button>
      ))}
    </div>
  );

  if (view === 'list') {
    const { isBusy, error, run, clearError } = action;
    const all = people.people;
    return (
      <section class="os-grid-section ext-people" aria-label="People in the video" aria-busy={isBusy}>
        <GridToolbar
          tagged={all.filter((p) => p.tag !== null).length}
          total={all.length}
          acceptable={all.filter((p) => p.tag === null && p.suggestion !== null).length}
          isBusy={isBusy}
          isFinished={job.status === 'done'}
          canUndo={people.revision > 0}
          onAcceptSuggestions={() => void run(() => apply(ask('acceptSuggestions', { jobId })))}
          onUndo={() => void run(() => apply(ask('undo', { jobId })))}
          onFinish={() => void run(() => ask('finish', { jobId }))}
        />
        <div class="os-status-line">
          {switcher}
          <span class="os-muted ext-keys">Keys: F, M, U, N tag · ↑ ↓ move · merge and split in Cards</span>
          <span class="os-saving" role="status">{isBusy ? 'Saving…' : ''}</span>
        </div>
        <ActionError error={error} onDismiss={clearError} />
        {all.length === 0 ? (
          <p class="os-empty">No faces were found in this video.</p>
        ) : (
          <PeopleList
            people={all}
            thumbnailSrc={(person) => people.thumbnails[person.id]}
            isBusy={isBusy}
            onTag={(person, tag) => void run(() => apply(ask('tag', { jobId, person, tag })), { queue: true })}
            onShow={onShow}
          />
        )}
        {heard(false)}
      </section>
    );
  }

  return (
    <>
      {switcher}
      <PeopleGrid
        people={people.people}
        thumbnailSrc={(person) => people.thumbnails[person.id]}
        videoSeconds={job.duration ?? undefined}
        isFinished={job.status === 'done'}
        canUndo={people.revision > 0}
        onTag={(person, tag) => apply(ask('tag', { jobId, person, tag }))}
        onMerge={(into, from) => apply(ask('merge', { jobId, into, from }))}
        onSplit={(person, tracks) => apply(ask('split', { jobId, person, ...(tracks ? { tracks } : {}) }))}
        onName={(person, name) => apply(ask('name', { jobId, person, name }))}
        onNotThem={(person) => apply(ask('notThem', { jobId, person }))}
        onAcceptSuggestions={() => apply(ask('acceptSuggestions', { jobId }))}
        onUndo={() => apply(ask('undo', { jobId }))}
        onFinish={() => ask('finish', { jobId })}
        onShow={onShow}
      />
      {heard(true)}
    </>
  );
}

function readView(): PeopleView | null {
  const stored = localStorage.getItem(VIEW_KEY);
  return stored === 'list' || stored === 'cards' ? stored : null;
}
