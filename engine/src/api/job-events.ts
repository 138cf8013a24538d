/**
 * A job's live updates as server-sent events: the current state at once, then every change.
 * When the job rests (tagging, done, failed) the stream sends a last `end` event and closes:
 * clients (the shared client's watchJob, used by the page, the extension and the bot) stop at
 * the first resting `job` event anyway, and a stream left open would hold a connection forever.
 * A page that follows other people's edits asks to `follow`: its stream stays open until the job is
 * deleted or the page goes (a heartbeat keeps it alive meanwhile).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Job } from '../../../shared/src/api/types.js';
import type { ApiContext } from './context.js';
import type { Reply } from './http-io.js';

const RESTING = new Set<Job['status']>(['tagging', 'done', 'failed']);

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export function streamJobEvents(context: ApiContext, jobId: string, req: IncomingMessage, res: ServerResponse, options: { follow: boolean } = { follow: false }): Reply {
  const first = context.jobs.get(jobId); // throws job_not_found before any header is sent
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let isEnded = false;
  const end = (event: string, data: unknown) => {
    if (isEnded) return;
    isEnded = true;
    res.end(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    stop();
  };
  const send = (job: Job) => {
    if (isEnded) return;
    res.write(`event: job\ndata: ${JSON.stringify(job)}\n\n`);
    if (!options.follow && RESTING.has(job.status)) end('end', { id: jobId, status: job.status });
  };
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const unsubscribe = context.notifier.subscribe(jobId, send, () => end('deleted', { id: jobId }));
  function stop(): void {
    clearInterval(heartbeat);
    unsubscribe();
  }
  send(first);
  req.on('close', stop);
  res.on('close', stop);
  return { stream: true };
}
