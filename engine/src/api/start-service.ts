/**
 * The service's composition root: opens storage, picks the queue (in-process, or BullMQ when
 * REDIS_URL is set), wires services and routes, and listens. `onscreen serve` and the tests
 * both start the service through `startService`.
 */
import { createServer } from 'node:http';
import { OnscreenError } from '../../../shared/src/errors.js';
import { parseYouTubeUrl } from '../../../shared/src/youtube-url.js';
import { probeUrl } from '../adapters/http-probe.adapter.js';
import { assertPublicUrl } from '../adapters/network-guard.js';
import { listYouTube } from '../adapters/youtube.adapter.js';
import type { ServiceConfig } from '../config/service.config.js';
import { ENGINE_VERSION } from '../config/tuning.js';
import { createAnalysisChildProcessor } from '../roots/child-roots.js';
import { InProcessQueue } from '../queue/in-process.queue.js';
import type { AnalysisProcessor, JobQueue } from '../queue/job-queue.js';
import { CollectionsService } from '../services/collections.service.js';
import { YouTubeChannelsService } from '../services/youtube-channels.service.js';
import { JobNotifier } from '../services/job-notifier.js';
import { JobOutcomesService } from '../services/job-outcomes.service.js';
import { JobReportsService, type ReportRenderer } from '../services/job-reports.service.js';
import { JobsService } from '../services/jobs.service.js';
import { LinksService } from '../services/links.service.js';
import { renderChartAt, renderReport } from '../services/report.service.js';
import { RetentionService } from '../services/retention.service.js';
import { TaggingService } from '../services/tagging.service.js';
import { JobLibraryService } from '../services/job-library.service.js';
import { LibraryRepository } from '../storage/library.repository.js';
import { ShareLinksService } from '../services/share-links.service.js';
import { TokensService } from '../services/tokens.service.js';
import { UploadLinks } from '../services/upload-links.service.js';
import { openDatabase } from '../storage/database.js';
import { JobFilesStore } from '../storage/job-files.store.js';
import { CollectionsRepository } from '../storage/collections.repository.js';
import { JobsRepository } from '../storage/jobs.repository.js';
import { restrictDataDir } from '../storage/private-files.js';
import { WorkspaceDeletionService } from '../services/workspace-deletion.service.js';
import { loadOrCreateSecret } from '../storage/secret.store.js';
import { ShareLinksRepository } from '../storage/share-links.repository.js';
import { TokensRepository } from '../storage/tokens.repository.js';
import { WorkspacesRepository } from '../storage/workspaces.repository.js';
import type { ApiContext } from './context.js';
import { CorsPolicy } from './cors.js';
import { buildOpenApi } from './openapi.js';
import { RateLimiter } from './rate-limit.js';
import { listen } from './listen.js';
import { createRequestHandler } from './request-handler.js';
import { buildRoutes } from './routes.js';
import { freeSpaceOf, UploadGuard } from './upload-guard.js';
import { Router } from './router.js';
import { loadWebAssets, WEB_DIR } from './web-assets.js';

export interface ServiceHandle {
  /** The base URL the server listens on, e.g. http://127.0.0.1:8750. */
  url: string;
  tokens: TokensService;
  /** Runs the retention sweep now; returns the ids of the jobs it deleted. */
  sweep(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  /** Replaces the analysis (tests of the service's own behaviour). */
  processor?: AnalysisProcessor;
  render?: ReportRenderer;
  /** The yt-dlp command for playlists and channels (default `yt-dlp` on PATH). */
  ytDlp?: string;
  /** Where the page's built files are (default dist/web). */
  webDir?: string;
  /** The clock of share links' expiry (tests). */
  now?(): number;
  /** Bytes free on the data folder's disk (default: asked of the file system). */
  freeSpace?(): Promise<number>;
  log?(line: string): void;
}

export async function startService(config: ServiceConfig, overrides: ServiceOverrides = {}): Promise<ServiceHandle> {
  const log = overrides.log ?? ((line: string) => process.stderr.write(`onscreen: ${line}\n`));
  await restrictDataDir(config.dataDir);
  const files = new JobFilesStore(config.dataDir);
  await files.init();
  await files.removeIncoming();
  const db = openDatabase(config.dataDir);
  const jobsRepo = new JobsRepository(db);
  const tokens = new TokensService(new TokensRepository(db), new WorkspacesRepository(db));
  const secret = await loadOrCreateSecret(config.dataDir, config.secret);
  const uploadLinks = new UploadLinks(secret, config.uploadUrlTtlSeconds);
  const shareLinks = new ShareLinksService({ links: new ShareLinksRepository(db), secret, ...(overrides.now ? { now: overrides.now } : {}) });
  const notifier = new JobNotifier(log);
  const web = await loadWebAssets(overrides.webDir ?? WEB_DIR, log);

  let baseUrl = config.publicUrl ?? '';
  const queue: JobQueue = config.redisUrl
    ? new (await import('../queue/bullmq.queue.js')).BullmqQueue({
        redisUrl: config.redisUrl,
        queueName: config.queueName,
        prefix: config.queuePrefix,
        attempts: config.jobAttempts,
        backoffMs: config.jobBackoffMs,
        signUploadUrl: (jobId, filename) => uploadLinks.sign(baseUrl, jobId, filename),
        log,
      })
    : new InProcessQueue({
        processor: overrides.processor ?? createAnalysisChildProcessor({ workRoot: files.workRoot, allowPrivateNetwork: config.allowPrivateNetwork }),
        concurrency: config.concurrency,
        attempts: config.jobAttempts,
        backoffMs: config.jobBackoffMs,
        resolveUploadPath: async (jobId) => {
          const path = await files.findUpload(jobId);
          if (!path) throw new OnscreenError('video_unreadable', 'The uploaded video is gone.');
          return path;
        },
        log,
      });

  const jobs = new JobsService({
    jobs: jobsRepo,
    files,
    queue,
    notifier,
    settings: { defaultFps: config.defaultFps, maxFps: config.maxFps, uploadLimitBytes: config.uploadLimitBytes, allowPrivateNetwork: config.allowPrivateNetwork, version: ENGINE_VERSION },
    assertPublicUrl: async (url) => void (await assertPublicUrl(url)),
    findYouTubeId: (url) => parseYouTubeUrl(url)?.videoId ?? null,
    // `library` is made below; a job is deleted only once the service runs.
    onDeleted: (record) => library.forgetJob(record.workspaceId, record.id, [record.title, record.sourceLabel].filter((l): l is string => l !== null)),
  });
  const tagging = new TaggingService({ jobs: jobsRepo, files, notifier });
  const reports = new JobReportsService({ tagging, files, render: overrides.render ?? renderReport, renderChart: renderChartAt });
  const collectionsRepo = new CollectionsRepository(db);
  const collections = new CollectionsService({
    collections: collectionsRepo,
    jobs: jobsRepo,
    tagging,
    notifier,
    lists: {
      listYouTube: (list, max) => listYouTube(list, { max, timeoutMs: 120_000, ...(overrides.ytDlp ? { ytDlp: overrides.ytDlp } : {}) }),
      createJob: async (url, tokenName) => (await jobs.createFromUrl({ url }, tokens.callerNamed(tokenName))).job,
      playlistMax: config.playlistMax,
    },
  });
  const library = new JobLibraryService({
    storeFor: config.libraryEnabled ? (workspaceId) => new LibraryRepository(db, workspaceId) : null,
    workspaceOf: (jobId) => jobsRepo.workspaceOf(jobId),
    analysedJobsOf: (workspaceId) => jobsRepo.listByStatus(['tagging', 'done']).filter((job) => job.workspaceId === workspaceId).map((job) => job.id),
    tagging,
    files,
    log,
  });
  const workspaceDeletion = new WorkspaceDeletionService({
    workspaces: new WorkspacesRepository(db),
    jobIdsOf: (workspaceId) => jobsRepo.idsOf(workspaceId),
    deleteJob: (jobId) => jobs.delete(jobId),
    collectionIdsOf: (workspaceId) => collections.list(workspaceId).map((c) => c.id),
    deleteCollection: (workspaceId, id) => collections.delete(workspaceId, id),
    ...(library.isEnabled ? { forgetLibrary: (workspaceId: string) => library.forgetAll(workspaceId) } : {}),
  });
  const retention = new RetentionService({ jobs: jobsRepo, files, jobsService: jobs, queue, retentionDays: config.retentionDays });

  const context: ApiContext = {
    version: ENGINE_VERSION,
    jobs,
    tagging,
    library,
    reports,
    links: new LinksService({ probe: (url) => probeUrl(url, { allowPrivateNetwork: config.allowPrivateNetwork }) }),
    collections,
    channels: new YouTubeChannelsService({ repository: collectionsRepo, collections }),
    tokens,
    workspaceDeletion,
    shareLinks,
    notifier,
    uploadLinks,
    findUpload: (jobId) => files.findUpload(jobId),
    isReady: async () => jobsRepo.isHealthy() && (await queue.isReady()),
    web,
    limits: { jsonBytes: config.jsonLimitBytes, uploadBytes: config.uploadLimitBytes },
  };
  let openApi: unknown = null;
  const router: Router = new Router(buildRoutes(context, (): unknown => (openApi ??= buildOpenApi(router.routes, ENGINE_VERSION))));
  const server = createServer(
    { requestTimeout: 0, headersTimeout: 30_000, keepAliveTimeout: 5_000 },
    createRequestHandler({
      router,
      tokens,
      checkJobAccess: (jobId, caller) => jobs.checkAccess(jobId, caller),
      shareLinks,
      cors: new CorsPolicy(config.corsOrigins),
      limiter: new RateLimiter(config.rateLimitPerMinute, config.rateLimitBurst),
      anonymousLimiter: new RateLimiter(60, 30),
      signedLimiter: new RateLimiter(config.rateLimitPerMinute, config.rateLimitBurst),
      uploads: new UploadGuard({
        limitBytes: config.uploadLimitBytes,
        perToken: config.uploadsPerToken,
        minFreeBytes: config.minFreeBytes,
        freeSpace: overrides.freeSpace ?? (() => freeSpaceOf(config.dataDir)),
      }),
      bodyIdleMs: config.bodyIdleSeconds * 1000,
      jsonLimitBytes: config.jsonLimitBytes,
      log,
    }),
  );
  server.on('clientError', (_error, socket) => socket.destroy());
  const url = await listen(server, config.port, config.host).catch(async (error: unknown) => {
    await queue.close().catch(() => undefined);
    db.close();
    throw error;
  });
  baseUrl ||= url;

  await queue.start(new JobOutcomesService({ jobs: jobsRepo, files, notifier, recogniseAndStore: (jobId, result, store) => library.recogniseAndStore(jobId, result, store) }));
  // Pending jobs of the last run go back to the queue (in the background: Redis may be slow to answer).
  void jobs.resumePending().catch((error: unknown) => log(`could not queue the pending jobs yet: ${String(error)}`));
  const sweep = async () => {
    const deleted = await retention.sweep();
    if (deleted.length > 0) log(`retention: deleted ${deleted.length} job(s) older than ${config.retentionDays} days`);
    return deleted;
  };
  await sweep();
  const timers = [
    setInterval(() => void sweep().catch((error: unknown) => log(`retention sweep failed: ${String(error)}`)), config.sweepIntervalSeconds * 1000),
    ...(config.redisUrl ? [setInterval(() => void jobs.resumePending().catch(() => undefined), config.reconcileIntervalSeconds * 1000)] : []),
  ];
  for (const timer of timers) timer.unref();

  let closing: Promise<void> | null = null;
  return {
    url,
    tokens,
    sweep,
    close: () =>
      (closing ??= (async () => {
        for (const timer of timers) clearInterval(timer);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
        await queue.close();
        server.closeAllConnections();
        await closed;
        collections.close();
        db.close();
      })()),
  };
}
