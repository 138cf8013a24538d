/** Finding the YouTube tabs the popup is about, and moving their players. */
import { focusTab, openTab, queryTabs, sendTabMessage, type Tab } from '../browser.js';
import { playlistOfPage } from '../../../shared/src/youtube-url.js';
import type { PlaylistTab, TabMessage, VideoTab } from '../messages.js';
import { canonicalWatchUrl, videoIdOf } from '../youtube-page.js';

const YOUTUBE_TABS = ['https://www.youtube.com/*', 'https://m.youtube.com/*'];

function toVideoTab(tab: Tab): VideoTab | null {
  const videoId = tab.url ? videoIdOf(tab.url) : null;
  if (!videoId || tab.id === undefined || !tab.url) return null;
  return { tabId: tab.id, videoId, url: tab.url, title: (tab.title ?? '').replace(/ - YouTube$/, '') };
}

/** The video the user is looking at: the active tab if it is one, else the YouTube video tab used last. */
export async function findCurrentVideo(): Promise<VideoTab | null> {
  const [active] = await queryTabs({ active: true, lastFocusedWindow: true });
  const fromActive = active ? toVideoTab(active) : null;
  if (fromActive) return fromActive;
  const tabs = await queryTabs({ url: YOUTUBE_TABS });
  const recent = tabs.filter((tab) => toVideoTab(tab) !== null).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return recent[0] ? toVideoTab(recent[0]) : null;
}

/**
 * The playlist the user is looking at (a playlist page, or a video played in a playlist): in the
 * active tab if it is a YouTube tab, else in the YouTube tab used last (as findCurrentVideo).
 */
export async function findCurrentPlaylist(): Promise<PlaylistTab | null> {
  const [active] = await queryTabs({ active: true, lastFocusedWindow: true });
  const isYouTube = (tab: Tab | undefined) => Boolean(tab?.url && /^https:\/\/(www|m)\.youtube\.com\//.test(tab.url));
  const tab = isYouTube(active) ? active : (await queryTabs({ url: YOUTUBE_TABS })).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  const list = tab?.url ? playlistOfPage(tab.url) : null;
  if (!list) return null;
  return { listId: list.id, url: `https://www.youtube.com/playlist?list=${list.id}`, title: (tab?.title ?? '').replace(/ - YouTube$/, '') };
}

/** Seeks the player of a tab showing `videoId` (opening the video there if no tab shows it). */
export async function seekVideo(videoId: string, seconds: number): Promise<{ tabId: number }> {
  const tabs = (await queryTabs({ url: YOUTUBE_TABS })).filter((tab) => toVideoTab(tab)?.videoId === videoId);
  const tab = tabs.find((t) => t.active) ?? tabs[0];
  if (!tab || tab.id === undefined) {
    await openTab(`${canonicalWatchUrl(videoId)}&t=${Math.floor(seconds)}s`);
    return { tabId: -1 };
  }
  const message: TabMessage = { type: 'seekTo', seconds };
  await sendTabMessage(tab.id, message);
  await focusTab(tab);
  return { tabId: tab.id };
}
