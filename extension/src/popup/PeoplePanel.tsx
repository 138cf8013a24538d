/** The people found in the video, with the shared tagging grid; every edit goes through the worker. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../../shared/src/api/types.js';
import { PeopleGrid } from '../../../shared/src/ui/PeopleGrid.js';
import type { PeopleWithThumbnails } from '../messages.js';
import { ask } from '../messaging.js';

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

  if (!people) return <p class="os-muted ext-loading">Loading the people…</p>;

  /** Each edit answers the new people; keep them (thumbnails included) and tell the popup. */
  const apply = async (edit: Promise<PeopleWithThumbnails>): Promise<void> => {
    const next = await edit;
    setPeople(next);
    onChange(next);
  };

  return (
    <PeopleGrid
      people={people.people}
      thumbnailSrc={(person) => people.thumbnails[person.id]}
      videoSeconds={job.duration ?? undefined}
      isFinished={job.status === 'done'}
      canUndo={people.revision > 0}
      onTag={(person, tag) => apply(ask('tag', { jobId, person, tag }))}
      onMerge={(into, from) => apply(ask('merge', { jobId, into, from }))}
      onSplit={(person) => apply(ask('split', { jobId, person }))}
      onName={(person, name) => apply(ask('name', { jobId, person, name }))}
      onNotThem={(person) => apply(ask('notThem', { jobId, person }))}
      onAcceptSuggestions={() => apply(ask('acceptSuggestions', { jobId }))}
      onUndo={() => apply(ask('undo', { jobId }))}
      onFinish={() => ask('finish', { jobId })}
      onShow={videoId ? (seconds) => void ask('seek', { videoId, seconds }).catch(onError) : undefined}
    />
  );
}
