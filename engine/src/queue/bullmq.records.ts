/**
 * What BullMQ keeps of a job in Redis, and how it goes (issue 10: deletion means gone). A job is
 * a hash (its data with the source link, its return value with the thumbnails, its failure), its
 * logs, its place in the state sets, and entries of the queue's events stream that name it: its
 * progress, and a copy of its whole return value in the `completed` entry, kept until 10,000 later
 * events push it out. The server removes all of them once it has stored the outcome, when the job
 * is deleted, and on its retention timer for every job that is not pending.
 */
import type { Job, Queue } from 'bullmq';
import type { AnalysisTask } from './job-queue.js';
import type { SerializedResult } from './result-codec.js';

type AnalysisQueue = Queue<AnalysisTask, SerializedResult>;
type AnalysisJob = Job<AnalysisTask, SerializedResult>;
/** Jobs that wait or rest in Redis (an active one is locked by its worker and cannot be removed). */
const STILL_STATES = ['wait', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'] as const;

/**
 * KEYS[1]: the events stream. ARGV[1] = 'ids': returns the job ids its entries name; 'drop':
 * deletes the entries naming any of ARGV[2..]. Pages through the stream inside Redis.
 */
const EVENTS_SCRIPT = `
local key, mode = KEYS[1], ARGV[1]
local doomed, seen, ids, removed = {}, {}, {}, 0
for i = 2, #ARGV do doomed[ARGV[i]] = true end
local start = '-'
while true do
  local entries = redis.call('XRANGE', key, start, '+', 'COUNT', 500)
  for _, entry in ipairs(entries) do
    local fields = entry[2]
    for j = 1, #fields - 1, 2 do
      if fields[j] == 'jobId' then
        local id = fields[j + 1]
        if mode == 'drop' and doomed[id] then
          redis.call('XDEL', key, entry[1])
          removed = removed + 1
        elseif mode == 'ids' and not seen[id] then
          seen[id] = true
          ids[#ids + 1] = id
        end
      end
    end
  end
  if #entries < 500 then break end
  local ms, seq = string.match(entries[#entries][1], '(%d+)-(%d+)')
  start = ms .. '-' .. (tonumber(seq) + 1)
end
if mode == 'ids' then return ids end
return removed`;
const COMMAND = 'onscreenJobEvents';
const isDefined = new WeakSet<object>();

/** Removes a job that is not running (hash, logs, state sets), then every events entry naming it. */
export async function removeJobRecords(queue: AnalysisQueue, job: AnalysisJob | undefined, jobId: string): Promise<void> {
  await job?.remove();
  await runEventsScript(queue, ['drop', jobId]);
}

/**
 * Removes the records of every job that is not pending: not-running jobs at once; running ones
 * are marked, so that their worker stops them (their failure then comes back and is removed).
 */
export async function sweepJobRecords(queue: AnalysisQueue, isPending: (jobId: string) => boolean, markCancelled: (job: AnalysisJob) => Promise<void>): Promise<void> {
  for (const job of await queue.getJobs([...STILL_STATES])) {
    if (job.id && !isPending(job.id)) await job.remove().catch(() => undefined);
  }
  for (const job of await queue.getJobs(['active'])) {
    if (job.id && !isPending(job.id) && !job.data.isCancelled) await markCancelled(job).catch(() => undefined);
  }
  const named = (await runEventsScript(queue, ['ids'])) as string[];
  const doomed = named.filter((id) => !isPending(id));
  if (doomed.length > 0) await runEventsScript(queue, ['drop', ...doomed]);
}

async function runEventsScript(queue: AnalysisQueue, args: string[]): Promise<unknown> {
  const client = await queue.getBackend().client;
  if (!isDefined.has(client)) {
    client.defineCommand(COMMAND, { numberOfKeys: 1, lua: EVENTS_SCRIPT });
    isDefined.add(client);
  }
  return client.runCommand(COMMAND, [queue.keys.events!, ...args]);
}
