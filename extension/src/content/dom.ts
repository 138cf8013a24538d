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

/** Where an element belongs: inside `parent`, first placed before `before` (null: at the end). */
export interface Place {
  parent: Element;
  before: Node | null;
}

/**
 * Keeps `element` inside the parent `findPlace` names, with one MutationObserver over the page:
 * YouTube re-renders parts of the page (the metadata on in-page navigation and on resize) and takes
 * the element with them. It is moved back, not rebuilt, so its state stays, and in the same task
 * as its removal, before the page is painted: no flicker. Anywhere inside the parent will do, so
 * another extension adding its own button there never starts a tug of war.
 */
export function keepInserted(element: Element, findPlace: () => Place | null, signal: AbortSignal): void {
  const place = (): void => {
    if (signal.aborted) return;
    // The common case, on every mutation of a busy page: still in an active copy of the metadata.
    if (element.parentElement?.closest('.watch-active-metadata')) return;
    const target = findPlace();
    // Nowhere to go yet (or any more): stay put until the page says otherwise.
    if (!target || element.parentNode === target.parent) return;
    target.parent.insertBefore(element, target.before);
  };
  const observer = new MutationObserver(place);
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'hidden'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  place();
}
