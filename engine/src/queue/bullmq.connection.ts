/** Redis connection options for BullMQ's queues, workers and event listeners. */
import type { ConnectionOptions } from 'bullmq';

export interface BullmqSettings {
  redisUrl: string;
  queueName: string;
  prefix: string;
}

export function toConnection(redisUrl: string): ConnectionOptions {
  // Reconnect forever with a capped delay: a Redis restart must not end a worker or the server.
  return { url: redisUrl, retryStrategy: (times: number) => Math.min(200 * times, 2000) };
}
