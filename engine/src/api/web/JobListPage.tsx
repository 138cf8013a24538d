/** The front page: start an analysis (a file or a link), and the recent analyses, refreshed while any is still running. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isAnalysing, type OnscreenClient } from '../../../../shared/src/api/client.js';
import type { Job } from '../../../../shared/src/api/types.js';
import { describeError } from '../../../../shared/src/ui/format.js';
import { JobList } from '../../../../shared/src/ui/JobList.js';
import { NewAnalysisForm } from './NewAnalysisForm.js';

const REFRESH_MS = 5000;

export interface JobListPageProps {
  client: OnscreenClient;
  token: string;
  onUnauthorized: () => void;
}

export function JobListPage({ client, token, onUnauthorized }: JobListPageProps): JSX.Element {
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isLive = true;
    const load = async (): Promise<void> => {
      try {
        const { jobs: listed } = await client.listJobs({ limit: 100 });
        if (!isLive) return;
        setJobs(listed);
        setError(null);
        if (listed.some(isAnalysing)) timer = setTimeout(() => void load(), REFRESH_MS);
      } catch (failure) {
        if ((failure as { code?: string }).code === 'unauthorized') onUnauthorized();
        else if (isLive) setError(describeError(failure));
      }
    };
    document.title = 'Videos · onscreen';
    void load();
    return () => {
      isLive = false;
      clearTimeout(timer);
    };
  }, [client, onUnauthorized]);

  return (
    <div class="os-page-list">
      <header class="os-page-title">
        <h1>Videos</h1>
        <p class="os-muted">Open a video to tag the people in it and read its report.</p>
      </header>
      <NewAnalysisForm client={client} token={token} onStarted={(job) => location.assign(job.pageUrl)} />
      {error && <p class="os-error" role="alert">{error}</p>}
      {jobs ? (
        <JobList jobs={jobs} hrefFor={(job) => job.pageUrl} formatDate={(iso) => new Date(iso).toLocaleString()} />
      ) : (
        !error && <p class="os-muted">Loading…</p>
      )}
    </div>
  );
}
