/**
 * Tagging a job's people: tag, merge, split, accept suggestions, undo, finish. The edits go
 * through people-editor.ts, the one edit path the command line uses too, into the history in the
 * job's analysis folder (the one source of truth); the current people are derived from it.
 * Each edit names its client (the token) and the person it acted for, if it said (an Actor).
 */
import { describeActor, type Actor } from '../../../shared/src/actor.js';
import type { Analysis, Edit, VoiceTag } from '../../../shared/src/analysis.js';
import type { Job, PeopleResponse } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { API_PREFIX } from '../../../shared/src/api/types.js';
import { summariseAction } from '../../../shared/src/edit-summary.js';
import { editedState, pendingActions } from '../stages/people/edits.js';
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { JobRecord, JobsRepository } from '../storage/jobs.repository.js';
import type { JobNotifier } from './job-notifier.js';
import { toJob } from './job-view.js';
import { recordEdits, type EditOutcome, type EditRequest } from './people-editor.js';

export interface JobState {
  record: JobRecord;
  analysis: Analysis;
  edits: Edit[];
}

export class TaggingService {
  constructor(private readonly deps: { jobs: JobsRepository; files: JobFilesStore; notifier: JobNotifier; now?(): Date }) {}

  async people(jobId: string): Promise<PeopleResponse> {
    return this.toResponse(await this.state(jobId));
  }

  // Tag, name and "not them" go through JobLibraryService (record below), so the people library follows corrections.

  merge(jobId: string, into: number, from: number, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'merge', into, from }], actor);
  }

  /** Moves `tracks` into a new person; without `tracks`, every track but the first becomes its own person. */
  split(jobId: string, person: number, actor: Actor, tracks?: number[]): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'split', person, tracks }], actor);
  }

  /** Tags a voice by ear (issue 14); "not-speech" removes it from speaking time. */
  tagVoice(jobId: string, voice: string, tag: VoiceTag, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'tag-voice', voice, tag }], actor);
  }

  /** Corrects who speaks in [start, end] seconds: a person, or null for nobody seen (off screen). */
  speaker(jobId: string, start: number, end: number, person: number | null, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'speaker', start, end, person }], actor);
  }

  acceptSuggestions(jobId: string, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'accept-suggestions' }], actor);
  }

  undo(jobId: string, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'undo' }], actor);
  }

  redo(jobId: string, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'redo' }], actor);
  }

  /** Marks tagging done: the report is final (it still follows later edits). */
  async finish(jobId: string, actor: Actor): Promise<Job> {
    return this.deps.files.history(jobId).locked(async () => {
      const { record } = await this.state(jobId);
      if (record.status === 'done') return toJob(record);
      const updated = this.deps.jobs.update(jobId, { status: 'done', message: `Tagging finished by ${describeActor(actor)}` });
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
    const record = this.readyRecord(jobId);
    const [analysis, edits] = await Promise.all([this.deps.files.readAnalysis(jobId), this.deps.files.readEdits(jobId)]);
    return { record, analysis, edits };
  }

  /** Forgets a job's cached analysis (it was deleted). */
  forget(jobId: string): void {
    this.deps.files.forget(jobId);
  }

  private readyRecord(jobId: string): JobRecord {
    const record = this.deps.jobs.get(jobId);
    if (!record) throw new OnscreenError('job_not_found', `No job ${jobId}: it never existed, or it was deleted.`);
    if (record.status !== 'tagging' && record.status !== 'done') {
      const why = record.status === 'failed' ? 'its analysis failed' : 'it is still being analysed';
      throw new OnscreenError('job_not_ready', `Job ${jobId} has no people to tag yet: ${why}.`);
    }
    return record;
  }

  /** Records edits; returns the people as they now are, and what was stored (for the people library to follow corrections). */
  async record(jobId: string, requests: EditRequest[], actor: Actor): Promise<{ response: PeopleResponse; outcome: EditOutcome }> {
    const record = this.readyRecord(jobId);
    const outcome = await recordEdits(this.deps.files.history(jobId), requests, { ...actor, at: this.now() });
    const updated = this.deps.jobs.update(jobId, {});
    if (updated) this.deps.notifier.publish(toJob(updated));
    return { response: this.toResponse({ record: updated ?? record, analysis: outcome.analysis, edits: outcome.edits }), outcome };
  }

  /**
   * Changes the job's stored analysis under its history's lock (the people library forgot someone it
   * had recognised here); `change` returns null for no change. Whoever follows the job sees it.
   */
  async rewriteAnalysis(jobId: string, change: (analysis: Analysis) => Analysis | null): Promise<boolean> {
    this.readyRecord(jobId);
    const history = this.deps.files.history(jobId);
    const isChanged = await history.locked(async () => {
      const changed = change(await history.readAnalysis());
      if (changed) await this.deps.files.replaceAnalysis(jobId, changed);
      return changed !== null;
    });
    const updated = isChanged ? this.deps.jobs.update(jobId, {}) : null;
    if (updated) this.deps.notifier.publish(toJob(updated));
    return isChanged;
  }

  private async edit(jobId: string, requests: EditRequest[], actor: Actor): Promise<PeopleResponse> {
    return (await this.record(jobId, requests, actor)).response;
  }

  private toResponse({ record, analysis, edits }: JobState): PeopleResponse {
    const { persons: people, voices, speech } = editedState(analysis, edits);
    const pending = pendingActions(analysis, edits);
    return {
      jobId: record.id,
      people,
      thumbnailUrl: `${API_PREFIX}/jobs/${record.id}/people/{id}/thumbnail.jpg`,
      isComplete: people.every((p) => p.tag !== null),
      revision: edits.length,
      undo: summariseAction(pending.undo),
      redo: summariseAction(pending.redo),
      ...(speech === null
        ? {}
        : {
            voices,
            voiceSampleUrl: `${API_PREFIX}/jobs/${record.id}/voices/{id}/sample.m4a`,
            speech: speech.map(({ start, end, person, voice }) => ({ start, end, person, voice })),
          }),
    };
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
