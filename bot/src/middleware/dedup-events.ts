/**
 * Slack resends an event (same `event_id`, with `X-Slack-Retry-Num`) when it thinks the first
 * delivery was lost, and may deliver one twice. Each event runs once: later copies stop here.
 * (Starting an analysis is also idempotent per message and link; this keeps every other
 * listener from running twice too.)
 */
import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';
import type { BotStore } from '../store/bot.store.js';

export function dedupEvents(store: BotStore, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { type?: string; event_id?: unknown }).type === 'event_callback' ? (body as { event_id?: unknown }).event_id : undefined;
    if (typeof eventId === 'string' && !store.markEventHandled(`event:${eventId}`)) {
      logger.info(`Skipping event ${eventId}: already handled (retry ${context.retryNum ?? 'none'}, ${context.retryReason ?? 'no reason given'}).`);
      return;
    }
    await next();
  };
}
