/** Who wants to hear about a job's changes (the server-sent events stream), and the service log. */
import { EventEmitter } from 'node:events';
import type { Job } from '../../../shared/src/api/types.js';

export class JobNotifier {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  constructor(private readonly logLine: (line: string) => void = () => undefined) {}

  publish(job: Job): void {
    this.emitter.emit(`job:${job.id}`, job);
    this.emitter.emit('job', job);
  }

  /** Calls `onJob` on every change of every job (for what follows all jobs, such as collection summaries). */
  subscribeAll(onJob: (job: Job) => void): () => void {
    this.emitter.on('job', onJob);
    return () => this.emitter.off('job', onJob);
  }

  publishDeleted(id: string): void {
    this.emitter.emit(`deleted:${id}`);
  }

  /** Calls `onJob` on every change of the job until unsubscribed; `onDeleted` once if it is deleted. */
  subscribe(id: string, onJob: (job: Job) => void, onDeleted: () => void): () => void {
    this.emitter.on(`job:${id}`, onJob);
    this.emitter.on(`deleted:${id}`, onDeleted);
    return () => {
      this.emitter.off(`job:${id}`, onJob);
      this.emitter.off(`deleted:${id}`, onDeleted);
    };
  }

  log(line: string): void {
    this.logLine(line);
  }
}
