/**
 * A YouTube channel's totals so far: every analysed video of the channel in the workspace (found by
 * the channel's id or handle, which each job's summary keeps from YouTube's metadata), added up as a
 * collection adds them up, with the collection the engine keeps for the channel.
 */
import type { ChannelTotals } from '../../../shared/src/api/types.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { normaliseHandle, isYouTubeChannelId, type YouTubeChannel, type YouTubeChannelRef } from '../../../shared/src/youtube-channel.js';
import { buildCollection } from '../stages/collection/build-collection.js';
import type { CollectionsRepository } from '../storage/collections.repository.js';
import { youtubeChannelKey, type CollectionsService } from './collections.service.js';

export class YouTubeChannelsService {
  constructor(private readonly deps: { repository: CollectionsRepository; collections: CollectionsService; now?(): Date }) {}

  async totals(workspaceId: string, asked: { id?: string | undefined; handle?: string | undefined }): Promise<ChannelTotals> {
    const ref = checkRef(asked);
    const { videos } = await this.deps.collections.summariesOf(this.deps.repository.jobsOfChannel(workspaceId, ref));
    // What YouTube said last about the channel (a name or handle can change).
    const known = videos.map((v) => v.channel).filter((c): c is YouTubeChannel => c !== undefined).at(-1);
    const channel: YouTubeChannel = known ?? { id: ref.id, handle: ref.handle, name: null };
    const collection = channel.id ? this.deps.collections.findByKey(workspaceId, youtubeChannelKey(channel.id)) : null;
    if (videos.length === 0) return { channel, videos: 0, total: null, collection };
    const { total } = buildCollection({ name: channel.name ?? channel.handle ?? channel.id ?? 'channel', periodKind: 'month', videos, now: this.deps.now?.() ?? new Date() });
    return { channel, videos: videos.length, total, collection };
  }
}

function checkRef(asked: { id?: string | undefined; handle?: string | undefined }): YouTubeChannelRef {
  const id = asked.id && isYouTubeChannelId(asked.id) ? asked.id : null;
  const handle = normaliseHandle(asked.handle);
  if (asked.id && !id) throw new OnscreenError('bad_request', 'A YouTube channel id is UC followed by 22 letters, digits, - or _.');
  if (asked.handle && !handle) throw new OnscreenError('bad_request', 'A YouTube handle is @ followed by up to 100 letters, digits, . - or _.');
  if (!id && !handle) throw new OnscreenError('bad_request', 'Say which channel: ?id=UC… or ?handle=@name (or both).');
  return { id, handle };
}
