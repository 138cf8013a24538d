/**
 * The people library in the service: the server holds it (workers never do) and recognises people
 * in each result a worker sends back. Off until ONSCREEN_LIBRARY_ENABLED is set: every call then
 * says so. Library people live apart from jobs: deleting a job, or retention, never removes one,
 * but takes the job out of them (forgetJob).
 */
import type { Actor } from '../../../shared/src/actor.js';
import type { Tag } from '../../../shared/src/analysis.js';
import type { PeopleResponse } from '../../../shared/src/api/types.js';
import type { LibraryPersonSummary } from '../../../shared/src/library.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';
import { readTrackEmbeddings } from '../storage/analysis-folder.js';
import type { JobFilesStore } from '../storage/job-files.store.js';
import type { LibraryStore } from '../storage/library-folder.store.js';
import { libraryCorrections } from '../stages/library/corrections.js';
import { withoutKnown } from '../stages/library/forget-known.js';
import { LibraryService, type AddResult } from './library.service.js';
import type { EditRequest } from './people-editor.js';
import { KeyedLock } from '../storage/keyed-lock.js';
import type { TaggingService } from './tagging.service.js';

export class JobLibraryService {
  /** One library per workspace: a workspace's tokens see, change and are recognised against only their own. */
  private readonly libraries = new Map<string, { library: LibraryService; store: LibraryStore }>();
  /** Changes are read-modify-write of a whole library: one at a time per workspace, or one would be lost. */
  private readonly lock = new KeyedLock();

  constructor(
    private readonly deps: {
      /** The store of a workspace's library, or null when the library is off. */
      storeFor: ((workspaceId: string) => LibraryStore) | null;
      /** The workspace a job belongs to, or null when there is no such job. */
      workspaceOf(jobId: string): string | null;
      /** The analysed jobs (taggable or done) of a workspace: where the library may have recognised people. */
      analysedJobsOf(workspaceId: string): string[];
      tagging: TaggingService;
      files: JobFilesStore;
      log?(line: string): void;
    },
  ) {}

  get isEnabled(): boolean {
    return this.deps.storeFor !== null;
  }

  list(workspaceId: string): Promise<LibraryPersonSummary[]> {
    return this.on(workspaceId).library.list();
  }

  /** Adds every person a person tagged in the job (someone already there gains exemplars). */
  async addJob(workspaceId: string, jobId: string, by: Actor): Promise<AddResult> {
    const { library } = this.on(workspaceId);
    if (this.deps.workspaceOf(jobId) !== workspaceId) throw new OnscreenError('job_not_found', `No job ${jobId}: it never existed, or it was deleted.`);
    const { analysis, edits } = await this.deps.tagging.state(jobId);
    const signatures = await readTrackEmbeddings(this.deps.files.jobDir(jobId));
    return this.lock.run(workspaceId, () => library.add({ key: jobId, analysis, edits, signatures, readThumbnail: (path) => this.deps.files.readJobFile(jobId, path) }, by));
  }

  /**
   * Tags, names or says "not them" of a person in a job. A correction of someone recognised from the
   * library reaches the library at once (issue 9: "correct it, which also updates the library"): a new
   * tag or name, or the face signatures this job gave them if it was added to the library and they
   * are not them. Confirming changes nothing there.
   */
  tag(jobId: string, person: number, tag: Tag, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'tag', person, tag }], actor);
  }

  name(jobId: string, person: number, name: string, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'name', person, name }], actor);
  }

  notThem(jobId: string, person: number, actor: Actor): Promise<PeopleResponse> {
    return this.edit(jobId, [{ kind: 'not-them', person }], actor);
  }

  private async edit(jobId: string, requests: EditRequest[], actor: Actor): Promise<PeopleResponse> {
    const { response, outcome } = await this.deps.tagging.record(jobId, requests, actor);
    const workspaceId = this.deps.workspaceOf(jobId);
    if (!this.isEnabled || workspaceId === null) return response;
    const corrections = libraryCorrections(outcome.analysis, outcome.edits, outcome.recorded);
    if (corrections.length > 0) {
      const { library } = this.on(workspaceId);
      await this.lock.run(workspaceId, () => library.correct(jobId, corrections, actor));
    }
    return response;
  }

  rename(workspaceId: string, person: string, name: string, by: Actor): Promise<LibraryPersonSummary> {
    const { library } = this.on(workspaceId);
    return this.lock.run(workspaceId, () => library.rename(person, name, by));
  }

  /** A job was deleted: its workspace's library keeps its people, but nothing that names the job (title, id, screen time). */
  async forgetJob(workspaceId: string, jobId: string, labels: readonly string[]): Promise<void> {
    if (!this.isEnabled) return;
    const { library } = this.on(workspaceId);
    await this.lock.run(workspaceId, () => library.forgetAnalysis(jobId, labels));
  }

  /** Removes a person with every face signature and the thumbnail, and their recognitions from the workspace's jobs. */
  // Removal and the clean-up of the jobs are one step under the workspace's lock, as is recognising
  // and storing a result (recogniseAndStore): a result is stored either before (and is cleaned) or
  // after (and the person is no longer there to recognise), never in between.
  remove(workspaceId: string, person: string): Promise<LibraryPersonSummary> {
    const { library } = this.on(workspaceId);
    return this.lock.run(workspaceId, async () => {
      const removed = await library.remove(person);
      await this.forgetInJobs(workspaceId, (id) => id === removed.id);
      return removed;
    });
  }

  /** Empties the library, and takes every recognition out of the workspace's jobs. */
  forgetAll(workspaceId: string): Promise<number> {
    const { library } = this.on(workspaceId);
    return this.lock.run(workspaceId, async () => {
      const count = await library.forgetAll();
      await this.forgetInJobs(workspaceId, () => true);
      return count;
    });
  }

  /**
   * Every trace goes: `known` (the library person's id, name and tag) leaves the jobs that recognised
   * them; a tag only the library gave goes with it, a tag or name a person gave stays.
   */
  private async forgetInJobs(workspaceId: string, isForgotten: (person: string) => boolean): Promise<void> {
    for (const jobId of this.deps.analysedJobsOf(workspaceId)) {
      await this.deps.tagging
        .rewriteAnalysis(jobId, (analysis) => {
          const { analysis: cleaned, cleared } = withoutKnown(analysis, isForgotten);
          return cleared.length > 0 ? cleaned : null;
        })
        .catch((error: unknown) => {
          // A job deleted meanwhile has nothing left to clean.
          if (!(error instanceof OnscreenError && error.code === 'job_not_found')) throw error;
        });
    }
  }

  async thumbnail(workspaceId: string, person: string): Promise<Buffer> {
    const bytes = await this.on(workspaceId).store.readThumbnail(person);
    if (!bytes) throw new OnscreenError('library_person_unknown', `No thumbnail for "${person}" in the people library.`);
    return bytes;
  }

  /**
   * Stores the result with `clusters[].known` set from its job's workspace library (unchanged when the
   * library is off), under the workspace's lock: see `remove`. A library fault never fails the job.
   */
  async recogniseAndStore(jobId: string, result: AnalysisResult, store: (result: AnalysisResult) => Promise<void>): Promise<void> {
    const workspaceId = this.deps.workspaceOf(jobId);
    if (!this.isEnabled || workspaceId === null) return store(result);
    const { library } = this.on(workspaceId);
    return this.lock.run(workspaceId, async () => store(await library.recogniseResult(result).catch((error: unknown) => {
      this.deps.log?.(`people library: recognition skipped (${error instanceof Error ? error.message : String(error)})`);
      return result;
    })));
  }

  private on(workspaceId: string): { library: LibraryService; store: LibraryStore } {
    const storeFor = this.deps.storeFor;
    if (!storeFor) throw new OnscreenError('library_off', 'The people library is off on this server. Set ONSCREEN_LIBRARY_ENABLED=true to switch it on (it stores face signatures: see the README).');
    let found = this.libraries.get(workspaceId);
    if (!found) {
      const store = storeFor(workspaceId);
      found = { library: new LibraryService({ store }), store };
      this.libraries.set(workspaceId, found);
    }
    return found;
  }
}
