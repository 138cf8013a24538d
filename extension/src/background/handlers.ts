/** What the worker does for each message: the only code that calls the engine. */
import type { OnscreenClient } from '../../../shared/src/api/client.js';
import type { Job, PeopleResponse } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { openOptionsPage, openPopupWindow, tryOpenActionPopup } from '../browser.js';
import { findJobForVideo } from '../jobs.js';
import type { PeopleWithThumbnails } from '../messages.js';
import { normaliseServerUrl } from '../settings.js';
import { createCollectionHandlers } from './collections.handlers.js';
import { connectEngine, readSettings } from './engine.js';
import { bumpReportStamp, forgetJob, readJobs } from './job-store.js';
import { noteJob } from './job-watcher.js';
import type { Handlers } from './router.js';
import { findCurrentVideo, seekVideo } from './tabs.js';
import { toDataUrl, withThumbnails } from './thumbnails.js';

const REQUESTER = 'browser-extension';

/** The person the extension tags for: the name its user gave in the options (the engine knows the client by its token). */
async function tagger(): Promise<string | undefined> {
  return (await readSettings())?.name?.trim() || undefined;
}

/** Runs a tagging edit, then tells open pages the report changed. */
async function edit(jobId: string, call: (client: OnscreenClient, onBehalfOf: string | undefined) => Promise<PeopleResponse>): Promise<PeopleWithThumbnails> {
  const client = await connectEngine();
  const people = await call(client, await tagger());
  await bumpReportStamp(jobId);
  return withThumbnails(client, people);
}

async function findJob(client: OnscreenClient, jobId: string): Promise<Job> {
  try {
    const job = await client.getJob(jobId);
    await noteJob(job);
    return job;
  } catch (error) {
    if (error instanceof OnscreenError && error.code === 'job_not_found') await forgetJob(jobId);
    throw error;
  }
}

export function createHandlers(): Handlers {
  return {
    ...createCollectionHandlers(),
    async analyze({ url, force }) {
      const client = await connectEngine();
      const job = await client.createJob({ url, requester: REQUESTER, ...(force ? { force } : {}) });
      await noteJob(job);
      return job;
    },
    async jobForVideo({ videoId }) {
      const known = findJobForVideo(await readJobs(), videoId);
      try {
        const client = await connectEngine();
        if (known) return await findJob(client, known.id);
        // Started elsewhere (the engine's page, the Slack bot)? The engine knows.
        const { jobs } = await client.listJobs({ limit: 50 });
        const found = findJobForVideo(jobs, videoId);
        if (found) await noteJob(found);
        return found ?? null;
      } catch {
        // Quietly: a page load is no time for an error; the button reports them when clicked.
        return known ?? null;
      }
    },
    async refreshJob({ jobId }) {
      return findJob(await connectEngine(), jobId);
    },
    async recentJobs() {
      return readJobs();
    },
    async people({ jobId }) {
      const client = await connectEngine();
      return withThumbnails(client, await client.getPeople(jobId));
    },
    tag: ({ jobId, person, tag }) => edit(jobId, (client, by) => client.tag(jobId, person, tag, by)),
    merge: ({ jobId, into, from }) => edit(jobId, (client, by) => client.merge(jobId, into, from, by)),
    split: ({ jobId, person, tracks }) => edit(jobId, (client, by) => client.split(jobId, person, by, tracks)),
    name: ({ jobId, person, name }) => edit(jobId, (client, by) => client.name(jobId, person, name, by)),
    notThem: ({ jobId, person }) => edit(jobId, (client, by) => client.notThem(jobId, person, by)),
    acceptSuggestions: ({ jobId }) => edit(jobId, (client, by) => client.acceptSuggestions(jobId, by)),
    tagVoice: ({ jobId, voice, tag }) => edit(jobId, (client, by) => client.tagVoice(jobId, voice, tag, by)),
    correctSpeaker: ({ jobId, start, end, person }) => edit(jobId, (client, by) => client.correctSpeaker(jobId, start, end, person, by)),
    undo: ({ jobId }) => edit(jobId, (client, by) => client.undo(jobId, by)),
    async finish({ jobId }) {
      const client = await connectEngine();
      const job = await client.finish(jobId, await tagger());
      await noteJob(job);
      await bumpReportStamp(jobId);
      return job;
    },
    async report({ jobId }) {
      return (await connectEngine()).getReport(jobId);
    },
    async charts({ jobId }) {
      const client = await connectEngine();
      // "Seen and heard" and speaking time per person exist only where speech was measured (issue 14): a 404 there is no error.
      const names = ['share', 'timeline', 'persons', 'heard', 'speaking'] as const;
      const optional = new Set<string>(['heard', 'speaking']);
      const fetchChart = async (name: (typeof names)[number]) => toDataUrl(await client.getChart(jobId, name), 'image/png');
      const images = await Promise.all(names.map(async (name) => [name, optional.has(name) ? await fetchChart(name).catch(() => '') : await fetchChart(name)] as const));
      return Object.fromEntries(images.filter(([, src]) => src));
    },
    async exportReport({ jobId, format }) {
      const client = await connectEngine();
      const base = `onscreen-report-${jobId}`;
      if (format === 'csv') return { filename: `${base}.csv`, type: 'text/csv', text: await client.getReportCsv(jobId) };
      return { filename: `${base}.json`, type: 'application/json', text: JSON.stringify(await client.getReport(jobId), null, 2) };
    },
    async reportPageUrl({ jobId }) {
      const client = await connectEngine();
      try {
        // A read-only share link: the page itself would ask for the token the extension holds.
        return await client.shareReportUrl(jobId);
      } catch (error) {
        if (error instanceof OnscreenError && error.code === 'job_not_found') throw error;
        const job = (await readJobs()).find((j) => j.id === jobId) ?? (await client.getJob(jobId));
        return client.resolve(job.pageUrl);
      }
    },
    currentVideo: () => findCurrentVideo(),
    seek: ({ videoId, seconds }) => seekVideo(videoId, seconds),
    async openTagging({ jobId }) {
      if (!(await tryOpenActionPopup())) await openPopupWindow(`popup.html?job=${encodeURIComponent(jobId)}`);
      return null;
    },
    async openOptions() {
      await openOptionsPage();
      return null;
    },
    async testConnection(settings) {
      const client = await connectEngine({ ...settings, serverUrl: normaliseServerUrl(settings.serverUrl) });
      return client.status();
    },
  };
}
