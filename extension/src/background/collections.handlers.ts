/**
 * Across videos, for the popup: the totals of the channel of the video in a tab, and a playlist
 * analysed as a whole (one job per video, in a collection of the engine). The playlists started
 * from this browser are remembered (playlist id → collection id) so the popup can show their
 * progress again when it reopens.
 */
import type { OnscreenClient } from '../../../shared/src/api/client.js';
import type { Collection } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { parseChannelLink } from '../../../shared/src/youtube-channel.js';
import { toYouTubeListUrl } from '../../../shared/src/youtube-url.js';
import { readStorage, sendTabMessage, writeStorage } from '../browser.js';
import type { PlaylistProgress } from '../messages.js';
import { connectEngine } from './engine.js';
import type { Handlers } from './router.js';
import { findCurrentPlaylist } from './tabs.js';

/** Storage key of `{ [playlistId]: collectionId }`. */
export const PLAYLISTS_KEY = 'playlists';

type CollectionHandlers = Pick<Handlers, 'channelTotals' | 'currentPlaylist' | 'analysePlaylist' | 'playlistProgress'>;

export function createCollectionHandlers(): CollectionHandlers {
  return {
    async channelTotals({ tabId }) {
      // A tab whose content script is not there (loaded before the extension) has nothing to say.
      const href = await sendTabMessage(tabId, { type: 'readChannel' }).catch(() => null);
      const channel = typeof href === 'string' ? parseChannelLink(href) : null;
      if (!channel) return null;
      const client = await connectEngine();
      const totals = await client.channelTotals(channel);
      if (totals.videos === 0) return null;
      return { totals, pageUrl: totals.collection ? client.resolve(totals.collection.pageUrl) : null };
    },
    currentPlaylist: () => findCurrentPlaylist(),
    async analysePlaylist({ listId }) {
      const client = await connectEngine();
      const { collection } = await client.collectionFromYouTube(toYouTubeListUrl({ kind: 'playlist', id: listId }));
      const playlists = (await readStorage<Record<string, string>>(PLAYLISTS_KEY)) ?? {};
      await writeStorage(PLAYLISTS_KEY, { ...playlists, [listId]: collection.id });
      return progressOf(client, collection);
    },
    async playlistProgress({ listId }) {
      const collectionId = ((await readStorage<Record<string, string>>(PLAYLISTS_KEY)) ?? {})[listId];
      if (!collectionId) return null;
      const client = await connectEngine();
      try {
        return await progressOf(client, await client.getCollection(collectionId));
      } catch (error) {
        if (!(error instanceof OnscreenError && error.code === 'collection_not_found')) throw error;
        return null;
      }
    },
  };
}

async function progressOf(client: OnscreenClient, collection: Collection): Promise<PlaylistProgress> {
  // Not noted in the recent jobs: ten "ready to tag" notifications at once would be noise; the popup follows them here.
  const jobs = await Promise.all(collection.jobIds.map((id) => client.getJob(id)));
  return { collection, jobs, pageUrl: client.resolve(collection.pageUrl) };
}
