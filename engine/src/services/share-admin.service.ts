/**
 * Share links from the command line, on the server's machine: the service's database and secret,
 * opened for one command and closed. The CLI acts as the job's own workspace (it can read the
 * data folder, which holds every workspace anyway); links it makes are "by cli".
 */
import type { ShareLink } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { openDatabase } from '../storage/database.js';
import { JobsRepository } from '../storage/jobs.repository.js';
import { loadOrCreateSecret } from '../storage/secret.store.js';
import { ShareLinksRepository } from '../storage/share-links.repository.js';
import type { Caller } from './caller.js';
import { ShareLinksService } from './share-links.service.js';

export interface ShareAdmin {
  create(jobId: string, days?: number): ShareLink;
  list(jobId: string): ShareLink[];
  revoke(linkId: string): void;
  close(): void;
}

export async function openShareAdmin(dataDir: string, configuredSecret: string | null): Promise<ShareAdmin> {
  const secret = await loadOrCreateSecret(dataDir, configuredSecret);
  const db = openDatabase(dataDir);
  const repository = new ShareLinksRepository(db);
  const links = new ShareLinksService({ links: repository, secret });
  const jobs = new JobsRepository(db);
  const callerFor = (workspaceId: string | null, jobId: string): Caller => {
    if (workspaceId === null) throw new OnscreenError('job_not_found', `No job ${jobId}: it never existed, or it was deleted.`);
    return { tokenName: 'cli', workspaceId, isAdmin: true };
  };
  return {
    create: (jobId, days) => links.create(callerFor(jobs.workspaceOf(jobId), jobId), 'job', jobId, days),
    list: (jobId) => links.list(callerFor(jobs.workspaceOf(jobId), jobId), 'job', jobId),
    revoke: (linkId) => links.revoke({ tokenName: 'cli', workspaceId: repository.get(linkId)?.workspaceId ?? '', isAdmin: true }, linkId),
    close: () => db.close(),
  };
}
