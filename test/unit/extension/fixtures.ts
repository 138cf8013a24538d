/** Small jobs and reports for the extension's unit tests. */
import type { Job, JobStatus } from '../../../shared/src/api/types.js';
import type { Report, TimelineBin } from '../../../shared/src/report.js';

export function makeJob(overrides: Partial<Job> & { status?: JobStatus } = {}): Job {
  return {
    id: 'job-1',
    status: 'queued',
    progress: { stage: 'queued', percent: 0, etaSeconds: null, message: '' },
    source: { kind: 'youtube', label: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', videoId: 'dQw4w9WgXcQ' },
    title: null,
    options: { fps: 2 },
    requester: 'browser-extension',
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    error: null,
    people: null,
    duration: null,
    pageUrl: '/jobs/job-1',
    ...overrides,
  };
}

/** A report whose timeline is built from `lanes`: one character per bin, F, M, B (both) or '.'. */
export function makeTimelineReport(lanes: string, binSeconds: number, duration: number): Pick<Report, 'timeline' | 'video'> {
  const bins: TimelineBin[] = [...lanes].map((c, i) => ({
    t: i * binSeconds,
    female: c === 'F' || c === 'B',
    male: c === 'M' || c === 'B',
    unknown: false,
  }));
  return {
    timeline: { binSeconds, bins },
    video: { duration, width: 640, height: 360, source: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: null },
  };
}
