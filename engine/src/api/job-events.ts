/** A job's live updates as server-sent events: the current state at once, then every change. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Job } from '../../../shared/src/api/types.js';
import type { ApiContext } from './context.js';
import type { Reply } from './http-io.js';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

export function streamJobEvents(context: ApiContext, jobId: string, req: IncomingMessage, res: ServerResponse): Reply {
  const first = context.jobs.get(jobId); // throws job_not_found before any header is sent
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const send = (job: Job) => res.write(`event: job\ndata: ${JSON.stringify(job)}\n\n`);
  send(first);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const unsubscribe = context.notifier.subscribe(jobId, send, () => {
    res.write(`event: deleted\ndata: ${JSON.stringify({ id: jobId })}\n\n`);
    res.end();
  });
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
  return { stream: true };
}
