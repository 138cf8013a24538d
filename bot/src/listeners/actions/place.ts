import type { BlockAction } from '@slack/bolt';
import type { ActionPlace } from '../../services/tagging.service.js';

/**
 * Who pressed, and in which channel and thread the pressed message lives. In a modal (the
 * person's "more faces"), the place is the one the modal was opened from, kept in its metadata.
 */
export function placeOf(body: BlockAction): ActionPlace {
  const container = body.container as { type?: string; channel_id?: string; thread_ts?: string; message_ts?: string };
  if (container.type === 'view') return { user: body.user.id, ...readModalPlace(body.view?.private_metadata) };
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  return {
    user: body.user.id,
    channel: body.channel?.id ?? container.channel_id ?? null,
    threadTs: container.thread_ts ?? message?.thread_ts ?? message?.ts ?? container.message_ts ?? null,
  };
}

function readModalPlace(metadata: string | undefined): Omit<ActionPlace, 'user'> {
  try {
    const place = JSON.parse(metadata ?? '{}') as { channel?: unknown; threadTs?: unknown };
    return { channel: typeof place.channel === 'string' ? place.channel : null, threadTs: typeof place.threadTs === 'string' ? place.threadTs : null };
  } catch {
    return { channel: null, threadTs: null };
  }
}
