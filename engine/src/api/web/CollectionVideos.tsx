/** A collection's videos: date, shares and how complete the tagging is, with remove; and the videos that can be added. */
import type { JSX } from 'preact';
import type { Job } from '../../../../shared/src/api/types.js';
import type { DateSource, VideoSummary } from '../../../../shared/src/collection.js';
import { formatDuration, formatPercent } from '../../../../shared/src/ui/format.js';

const DATE_SOURCES: Record<DateSource, string> = {
  'youtube-upload': 'YouTube upload date',
  'file-metadata': "the file's creation date",
  given: 'date given',
  analysed: 'day analysed',
};

/** "Complete: 6 tagged by a person, 2 recognised", or what is still missing. */
export function describeTagging(tagging: VideoSummary['tagging']): string {
  const parts = [`${tagging.byPerson} tagged by a person`, `${tagging.fromLibrary} recognised from the library`];
  if (tagging.acceptedSuggestion > 0) parts.push(`${tagging.acceptedSuggestion} suggestions accepted unchecked`);
  if (tagging.untagged > 0) parts.push(`${tagging.untagged} untagged`);
  const isComplete = tagging.untagged === 0 && tagging.acceptedSuggestion === 0;
  return `${isComplete ? 'Complete' : 'Incomplete'}: ${parts.join(', ')}`;
}

export function CollectionVideoTable({ videos, onRemove }: { videos: VideoSummary[]; onRemove: (jobId: string) => void }): JSX.Element {
  return (
    <table class="os-table">
      <thead>
        <tr>
          <th scope="col">Video</th>
          <th scope="col">Date</th>
          <th scope="col">Duration</th>
          <th scope="col">Women</th>
          <th scope="col">Men</th>
          <th scope="col">Tagging</th>
          <th scope="col"><span class="os-visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {videos.map((video) => (
          <tr key={video.id} data-video={video.id}>
            <td><a href={`/jobs/${encodeURIComponent(video.id)}`}>{video.title ?? video.source}</a></td>
            <td>{video.date} <span class="os-muted">({DATE_SOURCES[video.dateSource]})</span></td>
            <td>{formatDuration(video.duration)}</td>
            <td>{formatPercent(video.screenTime.female.share)}</td>
            <td>{formatPercent(video.screenTime.male.share)}</td>
            <td class={video.tagging.untagged + video.tagging.acceptedSuggestion > 0 ? 'os-incomplete' : ''}>{describeTagging(video.tagging)}</td>
            <td>
              <button type="button" class="os-link" onClick={() => onRemove(video.id)}>Remove</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The workspace's analysed videos not in the collection yet, to add. */
export function AddVideos({ jobs, onAdd }: { jobs: Job[]; onAdd: (jobIds: string[]) => void }): JSX.Element {
  if (jobs.length === 0) return <p class="os-muted">Every analysed video is in this collection already.</p>;
  return (
    <form
      class="os-collection-add"
      onSubmit={(event) => {
        event.preventDefault();
        const select = (event.currentTarget as HTMLFormElement).elements.namedItem('jobs') as HTMLSelectElement;
        const picked = [...select.selectedOptions].map((option) => option.value);
        if (picked.length > 0) onAdd(picked);
      }}
    >
      <label class="os-field">
        Add analysed videos (pick one or more)
        <select name="jobs" multiple size={Math.min(jobs.length, 6)}>
          {jobs.map((job) => (
            <option key={job.id} value={job.id}>{`${job.title ?? job.source.label} (${job.createdAt.slice(0, 10)})`}</option>
          ))}
        </select>
      </label>
      <button type="submit" class="os-button">Add to the collection</button>
    </form>
  );
}
