/** The results with the shared report view: numbers, the timeline, the engine's charts, exports. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChartName } from '../../../shared/src/api/client.js';
import type { Job } from '../../../shared/src/api/types.js';
import type { Report } from '../../../shared/src/report.js';
import { ReportView, type ExportFormat } from '../../../shared/src/ui/ReportView.js';
import { ask } from '../messaging.js';

export interface ResultsPanelProps {
  job: Job;
  /** Changes whenever tags change, to fetch the report again. */
  revision: number;
  onError: (error: unknown) => void;
}

export function ResultsPanel({ job, revision, onError }: ResultsPanelProps): JSX.Element {
  const [report, setReport] = useState<Report | null>(null);
  const [charts, setCharts] = useState<Partial<Record<ChartName, string>>>({});
  const [pageUrl, setPageUrl] = useState<string | null>(null);
  const jobId = job.id;
  const videoId = job.source.videoId;

  useEffect(() => {
    ask('report', { jobId }).then(setReport, onError);
    ask('charts', { jobId }).then(setCharts, onError);
  }, [jobId, revision, job.status]);
  useEffect(() => {
    ask('reportPageUrl', { jobId }).then(setPageUrl, () => setPageUrl(null));
  }, [jobId]);

  const onExport = (format: ExportFormat): void => {
    if (format === 'html') {
      if (pageUrl) window.open(pageUrl, '_blank');
      return;
    }
    ask('exportReport', { jobId, format }).then(download, onError);
  };

  if (!report) return <p class="os-muted ext-loading">Loading the results…</p>;
  return (
    <div class="ext-results">
      {pageUrl && (
        <p class="ext-fullreport">
          <a href={pageUrl} target="_blank" rel="noreferrer">
            Open the full report page ↗
          </a>
        </p>
      )}
      <ReportView
        report={report}
        chartUrls={charts}
        onExport={onExport}
        onSeek={videoId ? (seconds) => void ask('seek', { videoId, seconds }).catch(onError) : undefined}
      />
    </div>
  );
}

function download(file: { filename: string; type: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
