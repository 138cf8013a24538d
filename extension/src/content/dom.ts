/** Small DOM helpers for features; every one takes the feature's AbortSignal. */

/** Resolves with the first element matching `selector`, waiting for YouTube to render it; null if aborted. */
export function waitForElement<T extends Element = HTMLElement>(selector: string, signal: AbortSignal, root: ParentNode = document): Promise<T | null> {
  const found = root.querySelector<T>(selector);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const element = root.querySelector<T>(selector);
      if (element) {
        observer.disconnect();
        resolve(element);
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      resolve(null);
    }, { once: true });
  });
}

/** Removes `element` when `signal` aborts. */
export function removeOnAbort(element: Element, signal: AbortSignal): void {
  signal.addEventListener('abort', () => element.remove(), { once: true });
}

/** The main player's video element, if any (not a hover preview or an ad's). */
export function findVideo(doc: Document = document): HTMLVideoElement | null {
  // In turn, not as one selector list: a list answers whichever comes first in the page.
  return doc.querySelector<HTMLVideoElement>('#movie_player video') ?? doc.querySelector<HTMLVideoElement>('ytd-player video');
}
