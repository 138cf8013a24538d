/**
 * Runs the features on the current page and again after each of YouTube's in-page navigations
 * (`yt-navigate-finish`: a new video without a page load), aborting the previous run first.
 */
import { shouldRun, type Feature } from './feature.js';

export const NAVIGATION_EVENT = 'yt-navigate-finish';

export interface FeatureEnvironment {
  currentUrl: () => string;
  /** Calls back after every in-page navigation. */
  onNavigate: (callback: () => void) => void;
  onError?: (featureId: string, error: unknown) => void;
}

/** Starts the features; answers a function that aborts the current run (for tests and unloads). */
export function runFeatures(features: readonly Feature[], env: FeatureEnvironment): () => void {
  let controller: AbortController | undefined;
  const run = (): void => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const url = new URL(env.currentUrl());
    for (const feature of features) {
      if (!shouldRun(feature, url)) continue;
      Promise.resolve()
        .then(() => feature.init(current.signal))
        .catch((error: unknown) => {
          if (!current.signal.aborted) env.onError?.(feature.id, error);
        });
    }
  };
  run();
  env.onNavigate(run);
  return () => controller?.abort();
}

/** The live page's environment: YouTube's own navigation event on `document`. */
export function youtubeEnvironment(doc: Document): FeatureEnvironment {
  return {
    currentUrl: () => doc.location.href,
    onNavigate: (callback) => doc.addEventListener(NAVIGATION_EVENT, callback),
    onError: (id, error) => console.warn(`onscreen: the ${id} feature failed`, error),
  };
}
