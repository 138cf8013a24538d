/**
 * Looks for what a job may have left in Redis: every key of the server (its name, and its whole
 * content whatever its type: strings, hashes, lists, sets, sorted sets, streams) is searched for
 * the given strings (a job id, a file name) and for face images on their way back from a worker
 * (base64 JPEG thumbnails, a `returnvalue`).
 */
import { Redis } from 'ioredis';

/** A base64 JPEG (`/9j/`), as a worker's result carries thumbnails. */
const THUMBNAIL = /\/9j\/[A-Za-z0-9+/]{16}/;

export async function findRedisTraces(url: string, needles: string[]): Promise<string[]> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const found: string[] = [];
    for (const key of await listKeys(redis)) {
      const text = `${key}\n${(await readKey(redis, key)).join('\n')}`;
      for (const needle of needles) if (text.includes(needle)) found.push(`${key}: contains ${needle}`);
      if (THUMBNAIL.test(text)) found.push(`${key}: holds a face thumbnail`);
    }
    return found;
  } finally {
    redis.disconnect();
  }
}

async function listKeys(redis: Redis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

async function readKey(redis: Redis, key: string): Promise<string[]> {
  switch (await redis.type(key)) {
    case 'string':
      return [(await redis.get(key)) ?? ''];
    case 'hash':
      return Object.entries(await redis.hgetall(key)).flat();
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, 0, -1);
    case 'stream':
      return (await redis.xrange(key, '-', '+')).flatMap(([, fields]) => fields);
    default:
      return [];
  }
}
