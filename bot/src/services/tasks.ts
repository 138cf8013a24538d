/**
 * Slow work handed off by listeners after `ack()`: each task runs in the background, its
 * failure is logged (a task reports user-facing failures itself), and `close()` aborts them
 * all and waits, so the bot stops cleanly and tests can wait for quiet with `idle()`.
 */
import type { Logger } from '@slack/bolt';

export class TaskRunner {
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  constructor(private readonly logger: Logger) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  run(name: string, work: (signal: AbortSignal) => Promise<void>): void {
    if (this.controller.signal.aborted) return;
    const task = work(this.controller.signal)
      .catch((error: unknown) => {
        if (!this.controller.signal.aborted) this.logger.error(`Task "${name}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      })
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves once no task is running (tasks may start others). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.idle();
  }
}

/**
 * Runs work one at a time per key (a job), and folds requests that pile up while one runs
 * into a single next run: ten quick clicks give at most two refreshes, the last one current.
 */
export class KeyedCoalescer {
  private readonly states = new Map<string, { current: Promise<void>; next: Promise<void> | null }>();

  run(key: string, work: () => Promise<void>): Promise<void> {
    const state = this.states.get(key);
    if (!state) {
      const current = work().finally(() => this.advance(key));
      this.states.set(key, { current, next: null });
      return current;
    }
    if (state.next) return state.next;
    const next = state.current.catch(() => undefined).then(work);
    state.next = next;
    return next;
  }

  private advance(key: string): void {
    const state = this.states.get(key);
    if (!state) return;
    if (!state.next) {
      this.states.delete(key);
      return;
    }
    const current = state.next.finally(() => this.advance(key));
    // The caller that queued `next` handles its failure; this copy only sequences.
    current.catch(() => undefined);
    this.states.set(key, { current, next: null });
  }
}
