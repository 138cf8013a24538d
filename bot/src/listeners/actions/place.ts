import type { BlockAction } from '@slack/bolt';
import type { ActionPlace } from '../../services/tagging.service.js';

/** Who pressed, and in which channel and thread the pressed message lives. */
export function placeOf(body: BlockAction): ActionPlace {
  const container = body.container as { channel_id?: string; thread_ts?: string; message_ts?: string };
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  return {
    user: body.user.id,
    channel: body.channel?.id ?? container.channel_id ?? null,
    threadTs: container.thread_ts ?? message?.thread_ts ?? message?.ts ?? container.message_ts ?? null,
  };
}
