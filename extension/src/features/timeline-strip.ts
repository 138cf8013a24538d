/**
 * Once a report exists, a thin strip under the player's progress bar shows when women (top lane)
 * and men (bottom lane) are on screen. Redrawn when tags change and when the player learns its duration.
 */
import type { Job } from '../../../shared/src/api/types.js';
import type { Report } from '../../../shared/src/report.js';
import { COLOURS } from '../../../shared/src/ui/format.js';
import { onStorageChange } from '../browser.js';
import { removeOnAbort, waitForElement } from '../content/dom.js';
import { findControls, findProgressBar, findVideo, isAdShowing } from '../content/youtube-dom.js';
import type { Feature } from '../content/feature.js';
import { followJob } from '../follow-job.js';
import { REPORT_STAMPS_KEY } from '../jobs.js';
import { ask } from '../messaging.js';
import { computeStripSegments, hasGenderedTime, placeStrip } from '../ui/strip-geometry.js';
import { isWatchPage, videoIdOf } from '../youtube-page.js';

export const STRIP_ID = 'onscreen-strip';
/** Two lanes of 3 px with a 1 px gap: YouTube's own bar is 3 px, and thinner marks get lost over video. */
const LANE_HEIGHT_PX = 3;
const LANE_GAP_PX = 1;
const STRIP_HEIGHT_PX = LANE_HEIGHT_PX * 2 + LANE_GAP_PX;

export const timelineStrip: Feature = {
  id: 'timeline-strip',
  include: [isWatchPage],
  async init(signal) {
    const videoId = videoIdOf(location.href);
    if (!videoId) return;
    let job: Job | null = null;
    let report: Report | null = null;
    // Only this run's strip is ever removed: a late answer from the previous video must not
    // take down the strip this video just drew.
    let strip: HTMLElement | null = null;
    for (const stale of document.querySelectorAll(`#${STRIP_ID}`)) stale.remove();

    const draw = async (): Promise<void> => {
      const player = report && hasGenderedTime(report) ? await waitForElement('#movie_player', signal) : null;
      if (signal.aborted) return;
      strip?.remove();
      strip = player && report ? buildStrip(report, mainDuration(player), signal) : null;
      if (strip && player) placeOnBar(strip, player);
    };
    let loads = 0;
    const load = async (): Promise<void> => {
      const ticket = ++loads;
      const next = job && (job.status === 'tagging' || job.status === 'done') ? await ask('report', { jobId: job.id }).catch(() => null) : null;
      if (ticket !== loads) return; // a newer load has started: its report wins
      report = next;
      await draw();
    };

    followJob({ videoId }, signal, (next) => {
      const isNew = next?.id !== job?.id || next?.status !== job?.status;
      job = next;
      if (isNew) void load();
    });
    const unsubscribe = onStorageChange<Record<string, number>>(REPORT_STAMPS_KEY, () => void load());
    signal.addEventListener('abort', unsubscribe, { once: true });
    const player = await waitForElement('#movie_player', signal);
    if (player) followPlayer(player, signal, { onDuration: () => void draw(), onLayout: () => strip && placeOnBar(strip, player) });
  },
};

/** The main video's duration, unless an ad is playing (then the bar's marks wait for the video). */
function mainDuration(player: HTMLElement): number | null {
  return isAdShowing(player) ? null : (findVideo()?.duration ?? null);
}

/**
 * Puts the strip on the progress bar the user sees, measured so that it covers no control, in
 * every player mode (default, theatre, fullscreen, mini-player); hidden while an ad plays.
 */
function placeOnBar(strip: HTMLElement, player: HTMLElement): void {
  const bar = findProgressBar(player);
  if (!bar || isAdShowing(player)) {
    strip.style.display = 'none';
    return;
  }
  if (strip.parentElement !== bar) bar.append(strip);
  strip.style.display = '';
  const controls = findControls(player).map((element) => element.getBoundingClientRect());
  strip.style.top = `${placeStrip(bar.getBoundingClientRect(), player.getBoundingClientRect(), controls, STRIP_HEIGHT_PX)}px`;
}

/**
 * Calls back when the main video's duration changes (not an ad's), and when the player's layout
 * may have moved the bar or the controls: its size, its mode and ad classes, fullscreen.
 */
function followPlayer(player: HTMLElement, signal: AbortSignal, on: { onDuration: () => void; onLayout: () => void }): void {
  // Media events do not bubble, but they pass the player on their way down, whichever <video> it holds.
  player.addEventListener('durationchange', (event) => {
    if (event.target === findVideo() && !isAdShowing(player)) on.onDuration();
  }, { capture: true, signal });
  let wasAd = isAdShowing(player);
  const classes = new MutationObserver(() => {
    const isAd = isAdShowing(player);
    if (isAd !== wasAd && !isAd) on.onDuration(); // the ad is over: the bar is the video's again
    wasAd = isAd;
    on.onLayout();
  });
  classes.observe(player, { attributes: true, attributeFilter: ['class'] });
  const size = new ResizeObserver(() => on.onLayout());
  size.observe(player);
  document.addEventListener('fullscreenchange', on.onLayout, { signal });
  signal.addEventListener('abort', () => {
    classes.disconnect();
    size.disconnect();
  }, { once: true });
}

function buildStrip(report: Report, playerSeconds: number | null, signal: AbortSignal): HTMLElement {
  const strip = document.createElement('div');
  strip.id = STRIP_ID;
  strip.title = 'onscreen: women (orange, top) and men (purple, bottom) on screen';
  strip.setAttribute('role', 'img');
  strip.setAttribute('aria-label', strip.title);
  Object.assign(strip.style, {
    position: 'absolute', left: '0', right: '0', height: `${STRIP_HEIGHT_PX}px`,
    // A light backdrop keeps the purple lane visible over dark footage.
    pointerEvents: 'none', zIndex: '40', background: 'rgba(255, 255, 255, 0.35)', borderRadius: '1px',
  });
  for (const segment of computeStripSegments(report, playerSeconds)) {
    const mark = document.createElement('div');
    mark.className = `onscreen-strip__${segment.lane}`;
    Object.assign(mark.style, {
      position: 'absolute', left: `${segment.left}%`, width: `${segment.width}%`, height: `${LANE_HEIGHT_PX}px`,
      top: segment.lane === 'female' ? '0' : `${LANE_HEIGHT_PX + LANE_GAP_PX}px`, background: COLOURS[segment.lane],
    });
    strip.append(mark);
  }
  removeOnAbort(strip, signal);
  return strip;
}
