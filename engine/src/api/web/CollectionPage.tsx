/**
 * A collection's page (`/collections/:id`): its videos with date, shares and tagging completeness,
 * the totals with the women's share's range, the trend per week or month, the people most on
 * screen, adding and removing videos, and the exports (JSON, CSV, HTML, PNG).
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OnscreenClient } from '../../../../shared/src/api/client.js';
import type { Collection, Job } from '../../../../shared/src/api/types.js';
import type { CollectionReport } from '../../../../shared/src/collection.js';
import { describeError, formatDuration, formatPercent, formatPercentRange } from '../../../../shared/src/ui/format.js';
import { PeopleChart, TrendChart, VideosChart } from './CollectionCharts.js';
import { AddVideos, CollectionVideoTable } from './CollectionVideos.js';
import { COLLECTION_EXPORTS, downloadCollection } from './collection-download.js';

type Period = 'month' | 'week';

export interface CollectionPageProps {
  client: OnscreenClient;
  collectionId: string;
  onUnauthorized: () => void;
}

interface Loaded {
  collection: Collection;
  report: CollectionReport | null;
  addable: Job[];
}

export function CollectionPage({ client, collectionId, onUnauthorized }: CollectionPageProps): JSX.Element {
  const [period, setPeriod] = useState<Period>('month');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((failure: unknown) => ((failure as { code?: string }).code === 'unauthorized' ? onUnauthorized() : setError(describeError(failure))), [onUnauthorized]);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        setLoaded(await load(client, collectionId, period));
        setError(null);
      } catch (failure) {
        fail(failure);
      }
    },
    [client, collectionId, period, fail],
  );
  useEffect(() => void run(async () => undefined), [run]);
  useEffect(() => {
    if (loaded) document.title = `${loaded.collection.name} · Collections · onscreen`;
  }, [loaded]);

  if (!loaded) return error ? <p class="os-error" role="alert">{error}</p> : <p class="os-muted">Loading…</p>;
  const { collection, report, addable } = loaded;
  return (
    <div class="os-page-list os-collection">
      <header class="os-page-title">
        <h1>{collection.name}</h1>
        <p class="os-muted">
          {collection.jobIds.length} {collection.jobIds.length === 1 ? 'video' : 'videos'}; created {collection.createdAt.slice(0, 10)}
          {collection.createdBy ? ` by ${collection.createdBy}` : ''}. <a href="/collections">All collections</a>
        </p>
      </header>
      {error && <p class="os-error" role="alert">{error}</p>}
      {report ? <CollectionReportView report={report} period={period} onPeriod={setPeriod} onRemove={(jobId) => void run(() => client.removeFromCollection(collection.id, jobId))} /> : <p class="os-empty">No analysed video in this collection yet: add some below.</p>}
      {collection.skipped.length > 0 && <p class="os-muted">Skipped from the list: {collection.skipped.map((s) => `${s.title ?? s.videoId} (${s.reason})`).join('; ')}</p>}
      <section>
        <h2>Add videos</h2>
        <AddVideos jobs={addable} onAdd={(jobIds) => void run(() => client.addToCollection(collection.id, jobIds))} />
      </section>
      {report && (
        <section class="os-collection-exports">
          <h2>Export</h2>
          {COLLECTION_EXPORTS.map(({ format, label }) => (
            <button key={format} type="button" class="os-button" onClick={() => downloadCollection(client, collection.id, format, period).catch(fail)}>{label}</button>
          ))}
        </section>
      )}
      <button
        type="button"
        class="os-link"
        onClick={() => {
          if (confirm(`Delete the collection "${collection.name}"? Its videos stay.`)) void client.deleteCollection(collection.id).then(() => location.assign('/collections'), fail);
        }}
      >
        Delete this collection
      </button>
    </div>
  );
}

function CollectionReportView({ report, period, onPeriod, onRemove }: { report: CollectionReport; period: Period; onPeriod: (p: Period) => void; onRemove: (jobId: string) => void }): JSX.Element {
  const { total } = report;
  return (
    <>
      <section class="os-collection-totals" data-totals>
        <p><strong>Women on screen {formatPercent(total.screenTime.female.share)}</strong> of the time ({formatDuration(total.screenTime.female.seconds)}; range {formatPercentRange(total.femaleShareRange.low, total.femaleShareRange.high)})</p>
        <p><strong>Men on screen {formatPercent(total.screenTime.male.share)}</strong> of the time ({formatDuration(total.screenTime.male.seconds)})</p>
        <p class="os-muted">
          Over {total.videos} {total.videos === 1 ? 'video' : 'videos'}, {formatDuration(total.duration)} in all. Shares are over the summed running time; the range counts untagged and unknown people as no women, then all as women.
        </p>
        {report.pending.length > 0 && <p class="os-muted">Not in the figures yet: {report.pending.map((p) => `${p.title ?? p.id} (${p.status})`).join(', ')}</p>}
      </section>
      <section>
        <h2>Per video</h2>
        <VideosChart collection={report} />
        <CollectionVideoTable videos={report.videos} onRemove={onRemove} />
      </section>
      <section>
        <h2>
          Trend per{' '}
          <select aria-label="Group the trend by" value={period} onChange={(event) => onPeriod((event.currentTarget as HTMLSelectElement).value as Period)}>
            <option value="month">month</option>
            <option value="week">week</option>
          </select>
        </h2>
        <TrendChart collection={report} />
      </section>
      <section>
        <h2>People most on screen</h2>
        <PeopleChart collection={report} />
      </section>
    </>
  );
}

async function load(client: OnscreenClient, id: string, period: Period): Promise<Loaded> {
  const [collection, { jobs }] = await Promise.all([client.getCollection(id), client.listJobs({ limit: 200 })]);
  const inIt = new Set(collection.jobIds);
  const addable = jobs.filter((job) => !inIt.has(job.id) && (job.status === 'tagging' || job.status === 'done'));
  const hasVideos = collection.jobIds.length > 0;
  const report = hasVideos ? await client.getCollectionReport(id, period).catch((failure: unknown) => (isEmpty(failure) ? null : Promise.reject(failure))) : null;
  return { collection, report, addable };
}

/** A collection whose videos are all still analysing has no report yet: that is not an error. */
function isEmpty(failure: unknown): boolean {
  return (failure as { code?: string }).code === 'collection_empty';
}
