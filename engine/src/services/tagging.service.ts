/**
 * Tagging a job's people: tag, merge, split, accept suggestions, undo, finish. The history of
 * edits (who, what, when) in the job's analysis folder is the one source of truth, as for the
 * CLI; the current people are derived from it (stages/people/edits.ts).
 */
import type { Analysis, Edit, PersonView, Tag } from '../../../shared/src/analysis.js';
import type { Job, PeopleResponse } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { API_PREFIX } from '../../../shared/src/api/types.js';
import { summariseAction } from '../../../shared/src/edit-summary.js';
import { applyEdits, isEffectiveEdit, nextClusterId, pendingActions, validateEdit } from '../stages/people/edits.js';
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { JobRecord, JobsRepository } from '../storage/jobs.repository.js';
import type { JobNotifier } from './job-notifier.js';
import { toJob } from './job-view.js';
import { KeyedLock } from './keyed-lock.js';

/** Analyses kept in memory; a long video's analysis is a few MB. */
const CACHE_SIZE = 8;

export interface JobState {
  record: JobRecord;
  analysis: Analysis;
  edits: Edit[];
}

export class TaggingService {
  private readonly lock = new KeyedLock();
  private readonly analyses = new Map<string, Analysis>();

  constructor(private readonly deps: { jobs: JobsRepository; files: JobFilesStore; notifier: JobNotifier; now?(): Date }) {}

  async people(jobId: string): Promise<PeopleResponse> {
    return this.toResponse(await this.state(jobId));
  }

  tag(jobId: string, person: number, tag: Tag, by: string): Promise<PeopleResponse> {
    return this.edit(jobId, () => [{ kind: 'tag', cluster: person, tag, by, at: this.now() }]);
  }

  merge(jobId: string, into: number, from: number, by: string): Promise<PeopleResponse> {
    return this.edit(jobId, () => [{ kind: 'merge', into, from, by, at: this.now() }]);
  }

  /** Moves `tracks` into a new person; without `tracks`, every track but the first becomes its own person. */
  split(jobId: string, person: number, by: string, tracks?: number[]): Promise<PeopleResponse> {
    return this.edit(jobId, ({ analysis, edits }) => {
      const at = this.now();
      if (tracks) return [{ kind: 'split', cluster: person, tracks, newCluster: nextClusterId(analysis, edits), by, at }];
      const current = applyEdits(analysis, edits).find((p) => p.id === person);
      if (!current) throw new OnscreenError('cluster_unknown', `There is no person ${person}.`);
      if (current.tracks.length < 2) throw new OnscreenError('bad_request', `Person ${person} has one track only: there is nothing to split.`);
      const next = nextClusterId(analysis, edits);
      const group = `split-${person}-${at}`;
      return current.tracks.slice(1).map((track, i) => ({ kind: 'split' as const, cluster: person, tracks: [track], newCluster: next + i, by, at, group }));
    });
  }

  acceptSuggestions(jobId: string, by: string): Promise<PeopleResponse> {
    return this.edit(jobId, ({ analysis, edits }) => {
      const clusters = applyEdits(analysis, edits).filter((p) => p.tag === null && p.suggestion !== null).map((p) => p.id);
      return [{ kind: 'accept-suggestions', clusters, by, at: this.now() }];
    });
  }

  undo(jobId: string, by: string): Promise<PeopleResponse> {
    return this.edit(jobId, () => [{ kind: 'undo', by, at: this.now() }]);
  }

  redo(jobId: string, by: string): Promise<PeopleResponse> {
    return this.edit(jobId, () => [{ kind: 'redo', by, at: this.now() }]);
  }

  /** Marks tagging done: the report is final (it still follows later edits). */
  async finish(jobId: string, by: string): Promise<Job> {
    return this.lock.run(jobId, async () => {
      const { record } = await this.state(jobId);
      if (record.status === 'done') return toJob(record);
      const updated = this.deps.jobs.update(jobId, { status: 'done', message: `Tagging finished by ${by}` });
      if (!updated) throw new OnscreenError('job_not_found');
      const job = toJob(updated);
      this.deps.notifier.publish(job);
      return job;
    });
  }

  async history(jobId: string): Promise<{ edits: Edit[] }> {
    return { edits: (await this.state(jobId)).edits };
  }

  /** The job, its analysis and its edits; `job_not_ready` while it is still analysed or failed. */
  async state(jobId: string): Promise<JobState> {
    const record = this.deps.jobs.get(jobId);
    if (!record) throw new OnscreenError('job_not_found', `No job ${jobId}: it never existed, or it was deleted.`);
    if (record.status !== 'tagging' && record.status !== 'done') {
      const why = record.status === 'failed' ? 'its analysis failed' : 'it is still being analysed';
      throw new OnscreenError('job_not_ready', `Job ${jobId} has no people to tag yet: ${why}.`);
    }
    const analysis = await this.analysis(jobId);
    return { record, analysis, edits: await this.deps.files.readEdits(jobId) };
  }

  /** Forgets a job's cached analysis (it was deleted). */
  forget(jobId: string): void {
    this.analyses.delete(jobId);
  }

  private edit(jobId: string, build: (state: JobState) => Edit[]): Promise<PeopleResponse> {
    return this.lock.run(jobId, async () => {
      const state = await this.state(jobId);
      for (const edit of build(state)) {
        const error = validateEdit(state.analysis, state.edits, edit);
        if (error) throw error;
        // A repeated edit (a retried request) changes nothing and is not recorded: edits are idempotent.
        if (!isEffectiveEdit(state.analysis, state.edits, edit)) continue;
        await this.deps.files.appendEdit(jobId, edit);
        state.edits.push(edit);
      }
      const updated = this.deps.jobs.update(jobId, {});
      if (updated) this.deps.notifier.publish(toJob(updated));
      return this.toResponse(state);
    });
  }

  private toResponse({ record, analysis, edits }: JobState): PeopleResponse {
    const people: PersonView[] = applyEdits(analysis, edits);
    const pending = pendingActions(analysis, edits);
    return {
      jobId: record.id,
      people,
      thumbnailUrl: `${API_PREFIX}/jobs/${record.id}/people/{id}/thumbnail.jpg`,
      isComplete: people.every((p) => p.tag !== null),
      revision: edits.length,
      undo: summariseAction(pending.undo),
      redo: summariseAction(pending.redo),
    };
  }

  private async analysis(jobId: string): Promise<Analysis> {
    const cached = this.analyses.get(jobId);
    if (cached) return cached;
    const analysis = await this.deps.files.readAnalysis(jobId);
    this.analyses.set(jobId, analysis);
    if (this.analyses.size > CACHE_SIZE) this.analyses.delete(this.analyses.keys().next().value!);
    return analysis;
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
