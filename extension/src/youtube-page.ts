/**
 * What kind of YouTube page this is, from its URL and a few facts read off its DOM. Pure, so the
 * rules (live streams, pages without a video) are tested without a browser.
 */
import { parseYouTubeUrl, toYouTubeWatchUrl } from '../../shared/src/youtube-url.js';
import { findPlayer, findVideo, isAdShowing, isShown } from './content/youtube-dom.js';

const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com']);

/** The video id of a YouTube page (watch, Shorts, live), else null. */
export function videoIdOf(url: string | URL): string | null {
  return parseYouTubeUrl(String(url))?.videoId ?? null;
}

export function isWatchPage(url: URL): boolean {
  return YOUTUBE_HOSTS.has(url.hostname) && url.pathname === '/watch';
}

/** The facts about the page's player that decide whether it can be analysed. */
export interface PlayerFacts {
  hasVideoElement: boolean;
  /** The player marks itself live (`.ytp-live`), or the video has no end. */
  isLive: boolean;
  /** The player shows an error instead of a video ("Video unavailable"). */
  hasPlayerError: boolean;
}

export type VideoPage =
  | { kind: 'video'; videoId: string; url: string }
  /** `label` is short enough for the button; `reason` is the longer story. */
  | { kind: 'unavailable'; label: string; reason: string };

/** Whether this page's video can be analysed, and if not, why (in words for the button's tooltip). */
export function classifyVideoPage(url: string, facts: PlayerFacts): VideoPage {
  const videoId = videoIdOf(url);
  if (!videoId) return { kind: 'unavailable', label: 'No video to analyse', reason: 'There is no video on this page.' };
  if (facts.hasPlayerError || !facts.hasVideoElement) {
    return { kind: 'unavailable', label: 'No video to analyse', reason: 'This page has no video that can be played.' };
  }
  if (facts.isLive) {
    return { kind: 'unavailable', label: "Live streams can't be analysed", reason: 'Live streams cannot be analysed. Try again once the stream has ended and been saved.' };
  }
  return { kind: 'video', videoId, url: canonicalWatchUrl(videoId) };
}

/** The plain watch URL sent to the engine: no playlist, timestamp or tracking parameters. */
export function canonicalWatchUrl(videoId: string): string {
  return toYouTubeWatchUrl(videoId);
}

/**
 * Reads the player facts off the live page: the main player only (not a hover preview), its
 * error panel if it is laid out (YouTube hides it with classes), and, during an ad, not the ad's
 * `<video>` (its endless duration says nothing about this video).
 */
export function readPlayerFacts(doc: Document): PlayerFacts {
  const player = findPlayer(doc);
  const video = findVideo(doc);
  const errors = [...(player?.querySelectorAll('.ytp-error') ?? [])];
  return {
    hasVideoElement: video !== null,
    isLive: Boolean(player?.classList.contains('ytp-live')) || (!isAdShowing(player) && video?.duration === Infinity),
    hasPlayerError: errors.some(isShown),
  };
}
