/**
 * Retention: faces are biometric data, so nothing is kept longer than asked. Jobs older than
 * the configured age are deleted with everything derived from them, and files left without a
 * job (a crash between two steps) are removed too.
 */
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { JobsRepository } from '../storage/jobs.repository.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { JobsService } from './jobs.service.js';

export class RetentionService {
  constructor(
    private readonly deps: { jobs: JobsRepository; files: JobFilesStore; jobsService: JobsService; queue: Pick<JobQueue, 'sweep'>; retentionDays: number; now?(): Date },
  ) {}

  /** Deletes what is due; returns the ids of the jobs deleted. */
  async sweep(): Promise<string[]> {
    const deleted: string[] = [];
    if (this.deps.retentionDays > 0) {
      const now = this.deps.now?.() ?? new Date();
      const cutoff = new Date(now.getTime() - this.deps.retentionDays * 86_400_000).toISOString();
      for (const record of this.deps.jobs.listCreatedBefore(cutoff)) {
        await this.deps.jobsService.delete(record.id).catch(() => undefined);
        deleted.push(record.id);
      }
    }
    const known = this.deps.jobs.listIds();
    for (const id of await this.deps.files.listJobIdsOnDisk()) {
      if (!known.has(id)) await this.deps.files.removeJob(id).catch(() => undefined);
    }
    // Scratch folders (downloads, face crops) of analyses that are not running any more.
    await this.deps.files.sweepScratch((id) => this.isPending(id)).catch(() => undefined);
    // What the queue keeps of jobs deleted or at rest (Redis: job records, results in the events stream).
    await this.deps.queue.sweep((id) => this.isPending(id)).catch(() => undefined);
    return deleted;
  }

  private isPending(id: string): boolean {
    const status = this.deps.jobs.get(id)?.status;
    return status === 'queued' || status === 'running';
  }
}
