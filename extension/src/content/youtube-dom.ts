/**
 * Where things are on YouTube's watch page, as the real page has them: more than one copy of the
 * video's metadata, a hover preview's player beside the main one, ads playing in the main player,
 * error panels hidden by classes, and a second progress bar for the mini-player. Each assumption
 * is listed, with the e2e page variant that checks it, in extension/README.md.
 */

/** The main player (a hover preview's player is `#inline-preview-player`, never this one). */
export function findPlayer(doc: Document = document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('#movie_player');
}

/** The main player's video element, if any: never a hover preview's. */
export function findVideo(doc: Document = document): HTMLVideoElement | null {
  const player = findPlayer(doc);
  return player?.querySelector<HTMLVideoElement>('video.html5-main-video') ?? player?.querySelector<HTMLVideoElement>('video') ?? null;
}

/** The main player is playing an ad: its `<video>` (duration, time, liveness) belongs to the ad. */
export function isAdShowing(player: Element | null): boolean {
  return Boolean(player && (player.classList.contains('ad-showing') || player.classList.contains('ad-interrupting')));
}

/**
 * Whether an element takes part in the layout and can be seen: YouTube hides things with classes,
 * `hidden` and ancestors' styles, rarely with an inline `display: none`.
 */
export function isShown(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') return element.checkVisibility({ visibilityProperty: true });
  return element instanceof HTMLElement && element.offsetParent !== null;
}

/**
 * The actions row (like, share…) of the video's metadata. YouTube can keep an inactive copy of
 * `ytd-watch-metadata` in the page, before the active one: the active one wins, else the first shown.
 */
export function findActions(doc: Document = document): HTMLElement | null {
  const active = doc.querySelector<HTMLElement>('ytd-watch-metadata.watch-active-metadata #actions');
  if (active) return active;
  return [...doc.querySelectorAll<HTMLElement>('ytd-watch-metadata #actions')].find(isShown) ?? null;
}

/**
 * The progress bar the user sees: the mini-player has its own, before the one in the controls,
 * and only one of them is shown at a time.
 */
export function findProgressBar(player: Element | null): HTMLElement | null {
  const bars = [...(player?.querySelectorAll<HTMLElement>('.ytp-progress-bar') ?? [])];
  return bars.find(isShown) ?? null;
}

/** Every shown group of player controls the strip must not cover. */
export function findControls(player: Element | null): HTMLElement[] {
  return [...(player?.querySelectorAll<HTMLElement>('.ytp-chrome-controls, .ytp-miniplayer-buttons, .ytp-miniplayer-controls') ?? [])].filter(isShown);
}

/**
 * The link to the video's channel under the title (`/@handle`, or `/channel/UC…` for a channel
 * without a handle), in the active copy of the metadata (see findActions).
 */
export function findChannelHref(doc: Document = document): string | null {
  const active = doc.querySelector('ytd-watch-metadata.watch-active-metadata');
  const metadata = active ?? [...doc.querySelectorAll('ytd-watch-metadata')].find(isShown) ?? null;
  return metadata?.querySelector<HTMLAnchorElement>('ytd-video-owner-renderer a[href], #owner a[href]')?.getAttribute('href') ?? null;
}
