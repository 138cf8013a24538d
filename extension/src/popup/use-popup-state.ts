/** The popup's data: which video and job it is about, kept current from storage and the worker. */
import { useEffect, useState } from 'preact/hooks';
import type { Job } from '../../../shared/src/api/types.js';
import { onStorageChange, readStorage } from '../browser.js';
import { describeError, ExtensionError, toErrorInfo, type ErrorDisplay } from '../errors.js';
import { followJob } from '../follow-job.js';
import { JOBS_KEY } from '../jobs.js';
import type { VideoTab } from '../messages.js';
import { ask } from '../messaging.js';
import { isConfigured, SETTINGS_KEY, type Settings } from '../settings.js';

export interface PopupState {
  isLoading: boolean;
  settings: Settings | undefined;
  video: VideoTab | null;
  job: Job | null;
  recent: Job[];
}

/** `jobId` from the URL (a notification or the page's button opened this window) wins over the tab. */
export function usePopupState(jobId: string | null): PopupState {
  const [state, setState] = useState<PopupState>({ isLoading: true, settings: undefined, video: null, job: null, recent: [] });
  useEffect(() => {
    const controller = new AbortController();
    const patch = (next: Partial<PopupState>): void => setState((current) => ({ ...current, ...next }));
    void (async () => {
      const settings = await readStorage<Settings>(SETTINGS_KEY);
      const recent = (await readStorage<Job[]>(JOBS_KEY)) ?? [];
      const video = jobId ? null : await ask('currentVideo', {}).catch(() => null);
      patch({ settings, recent, video, isLoading: isConfigured(settings) && (jobId !== null || video !== null) });
      if (!isConfigured(settings)) return;
      const key = jobId ? { jobId } : video ? { videoId: video.videoId } : null;
      if (key) followJob(key, controller.signal, (job) => patch({ job, isLoading: false }));
    })();
    const stopJobs = onStorageChange<Job[]>(JOBS_KEY, (recent) => patch({ recent: recent ?? [] }));
    const stopSettings = onStorageChange<Settings>(SETTINGS_KEY, (settings) => patch({ settings }));
    return () => {
      controller.abort();
      stopJobs();
      stopSettings();
    };
  }, [jobId]);
  return state;
}

/** A thrown value as the words the popup shows. */
export function toDisplay(error: unknown, settings: Settings | undefined): ErrorDisplay {
  return describeError(error instanceof ExtensionError ? error.toInfo() : toErrorInfo(error), settings?.serverUrl);
}
