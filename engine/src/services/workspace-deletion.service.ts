/**
 * Deleting a workspace (a newsroom that leaves): every trace of it goes, as each part's own deletion
 * does it. Its tokens stop first, so nothing new arrives; then each job is deleted as
 * `DELETE /jobs/:id` deletes it (the run stopped, its folder, upload, scratch, Redis records and
 * summary removed), each collection with its share links, the people library (every face signature
 * and picture), and last the workspace's rows (tokens, share links, the workspace itself).
 */
import type { WorkspaceDeleted } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { WorkspacesRepository } from '../storage/workspaces.repository.js';
import type { Caller } from './caller.js';

export class WorkspaceDeletionService {
  constructor(
    private readonly deps: {
      workspaces: WorkspacesRepository;
      jobIdsOf(workspaceId: string): string[];
      deleteJob(jobId: string): Promise<void>;
      collectionIdsOf(workspaceId: string): string[];
      deleteCollection(workspaceId: string, collectionId: string): void;
      /** Empties the workspace's people library and its recognitions; absent when the library is off. */
      forgetLibrary?(workspaceId: string): Promise<unknown>;
      now?(): Date;
    },
  ) {}

  async delete(workspaceId: string, caller: Caller): Promise<WorkspaceDeleted> {
    if (!this.deps.workspaces.exists(workspaceId)) throw new OnscreenError('not_found', `No workspace "${workspaceId}".`);
    if (workspaceId === caller.workspaceId) {
      throw new OnscreenError('bad_request', `"${workspaceId}" is this token's own workspace: delete it with an admin token of another workspace.`);
    }
    this.deps.workspaces.revokeTokens(workspaceId, (this.deps.now?.() ?? new Date()).toISOString());
    const jobs = this.deps.jobIdsOf(workspaceId);
    for (const jobId of jobs) await this.deps.deleteJob(jobId).catch(ignoreGone);
    const collections = this.deps.collectionIdsOf(workspaceId);
    for (const id of collections) this.deps.deleteCollection(workspaceId, id);
    await this.deps.forgetLibrary?.(workspaceId);
    const { tokens } = this.deps.workspaces.deleteRows(workspaceId);
    return { id: workspaceId, jobs: jobs.length, collections: collections.length, tokens };
  }
}

/** A job deleted meanwhile (by hand or by retention) is already gone. */
function ignoreGone(error: unknown): void {
  if (!(error instanceof OnscreenError && error.code === 'job_not_found')) throw error;
}
