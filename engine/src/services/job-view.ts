/** A job row as the API shows it (shared/src/api/types.ts `Job`). */
import type { Job } from '../../../shared/src/api/types.js';
import type { JobRecord } from '../storage/jobs.repository.js';

export function toJob(record: JobRecord, isReused?: boolean): Job {
  return {
    id: record.id,
    status: record.status,
    progress: { stage: record.stage, percent: record.percent, etaSeconds: record.etaSeconds, message: record.message },
    source: { kind: record.sourceKind, label: record.sourceLabel, videoId: record.videoId },
    title: record.title,
    options: { fps: record.fps },
    requester: record.requester,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    error: record.errorCode
      ? { code: record.errorCode, message: record.errorMessage ?? '', ...(record.errorHint ? { hint: record.errorHint } : {}) }
      : null,
    people: record.people,
    duration: record.duration,
    pageUrl: `/jobs/${record.id}`,
    ...(isReused !== undefined ? { reused: isReused } : {}),
  };
}
