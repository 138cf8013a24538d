/** The popup's data: which video and job it is about, kept current from storage and the worker. */
import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../../shared/src/api/types.js';
import { onStorageChange, readStorage } from '../browser.js';
import { describeError, ExtensionError, toErrorInfo, type ErrorDisplay } from '../errors.js';
import { followJob } from '../follow-job.js';
import { JOBS_KEY } from '../jobs.js';
import type { PlaylistTab, VideoTab } from '../messages.js';
import { ask } from '../messaging.js';
import { isConfigured, SETTINGS_KEY, type Settings } from '../settings.js';

export interface PopupState {
  isLoading: boolean;
  settings: Settings | undefined;
  video: VideoTab | null;
  /** The playlist of the active tab, if it shows one. */
  playlist: PlaylistTab | null;
  job: Job | null;
  recent: Job[];
}

/** `jobId` from the URL (a notification or the page's button opened this window) wins over the tab. */
export function usePopupState(jobId: string | null): PopupState {
  const [settings, setSettings] = useState<{ value: Settings | undefined; isRead: boolean }>({ value: undefined, isRead: false });
  const [recent, setRecent] = useState<Job[]>([]);
  const [found, setFound] = useState<{ video: VideoTab | null; playlist: PlaylistTab | null; job: Job | null; isLoading: boolean }>({ video: null, playlist: null, job: null, isLoading: true });
  const connection = isConfigured(settings.value) ? `${settings.value.serverUrl} ${settings.value.token}` : null;

  useEffect(() => {
    void readStorage<Settings>(SETTINGS_KEY).then((value) => setSettings({ value, isRead: true }));
    void readStorage<Job[]>(JOBS_KEY).then((jobs) => setRecent(jobs ?? []));
    const stopSettings = onStorageChange<Settings>(SETTINGS_KEY, (value) => setSettings({ value, isRead: true }));
    const stopJobs = onStorageChange<Job[]>(JOBS_KEY, (jobs) => setRecent(jobs ?? []));
    return () => {
      stopSettings();
      stopJobs();
    };
  }, []);

  // Once connected (now, or when the options are saved while the popup is open), find the job.
  useEffect(() => {
    if (!settings.isRead) return undefined;
    const controller = new AbortController();
    void (async () => {
      const video = jobId ? null : await ask('currentVideo', {}).catch(() => null);
      const playlist = jobId ? null : await ask('currentPlaylist', {}).catch(() => null);
      const key = !connection ? null : jobId ? { jobId } : video ? { videoId: video.videoId } : null;
      setFound({ video, playlist, job: null, isLoading: key !== null });
      if (key) followJob(key, controller.signal, (job) => setFound({ video, playlist, job, isLoading: false }));
    })();
    return () => controller.abort();
  }, [jobId, connection, settings.isRead]);

  return { isLoading: !settings.isRead || found.isLoading, settings: settings.value, video: found.video, playlist: found.playlist, job: found.job, recent };
}

/** A thrown value as the words the popup shows. */
export function toDisplay(error: unknown, settings: Settings | undefined): ErrorDisplay {
  return describeError(error instanceof ExtensionError ? error.toInfo() : toErrorInfo(error), settings?.serverUrl);
}
