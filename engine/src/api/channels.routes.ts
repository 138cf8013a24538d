/** YouTube channels: the totals so far of a channel's analysed videos (the extension shows them on a watch page). */
import type { z } from 'zod';
import type { ApiContext } from './context.js';
import type { AnyRoute, Route } from './router.js';
import { channelTotalsQuerySchema } from './schemas.js';

export function channelsRoutes(context: ApiContext): AnyRoute[] {
  const totals: Route<unknown, z.infer<typeof channelTotalsQuerySchema>> = {
    method: 'GET', path: '/api/v1/youtube/channel-totals', access: 'token', tag: 'collections',
    summary: "A YouTube channel's analysed videos so far, added up (by `?id=UC…` or `?handle=@name`, or both), with the collection the engine keeps for the channel. `videos: 0` when none was analysed.",
    query: channelTotalsQuerySchema,
    responses: { 200: { description: 'The channel\'s totals', schema: 'ChannelTotals' }, 400: { description: 'Neither a channel id nor a handle', schema: 'Error' } },
    handle: async ({ query, caller }) => ({ status: 200, json: await context.channels.totals(caller.workspaceId, query) }),
  };
  return [totals];
}
