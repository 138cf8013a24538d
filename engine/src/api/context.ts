/** What the routes may call: services only (no repositories, no queue, no SQL). */
import type { CollectionsService } from '../services/collections.service.js';
import type { JobsService } from '../services/jobs.service.js';
import type { JobLibraryService } from '../services/job-library.service.js';
import type { JobNotifier } from '../services/job-notifier.js';
import type { JobReportsService } from '../services/job-reports.service.js';
import type { LinksService } from '../services/links.service.js';
import type { ShareLinksService } from '../services/share-links.service.js';
import type { TaggingService } from '../services/tagging.service.js';
import type { TokensService } from '../services/tokens.service.js';
import type { UploadLinks } from '../services/upload-links.service.js';
import type { YouTubeChannelsService } from '../services/youtube-channels.service.js';
import type { WebAssets } from './web-assets.js';
import type { WorkspaceDeletionService } from '../services/workspace-deletion.service.js';

export interface ApiContext {
  version: string;
  jobs: JobsService;
  tagging: TaggingService;
  /** The people library (off unless switched on: its calls then answer library_off). */
  library: JobLibraryService;
  reports: JobReportsService;
  links: LinksService;
  collections: CollectionsService;
  channels: YouTubeChannelsService;
  tokens: TokensService;
  /** Deletes a workspace with every trace of it (admin tokens of another workspace). */
  workspaceDeletion: WorkspaceDeletionService;
  shareLinks: ShareLinksService;
  notifier: JobNotifier;
  uploadLinks: UploadLinks;
  /** The stored upload of a job, for workers holding a signed link. */
  findUpload(jobId: string): Promise<string | null>;
  isReady(): Promise<boolean>;
  web: WebAssets;
  limits: { jsonBytes: number; uploadBytes: number };
}
