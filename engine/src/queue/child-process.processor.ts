/**
 * Runs each analysis in a child process, so that the in-process runner's CPU-heavy work never
 * blocks the API server's event loop (the same reason BullMQ workers use a sandboxed processor).
 * The child reports progress and its result over IPC (structured clone: thumbnails stay Buffers);
 * an expected failure comes back as the OnscreenError it was. The child's file is its own
 * composition root (engine/src/roots/analysis-child.root.ts): it builds the processor from `setup`.
 */
import { fork } from 'node:child_process';
import { isErrorCode, OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisResult } from '../contracts/analysis-result.js';
import type { JobProgress } from '../contracts/progress.js';
import { removeScratchOf } from '../storage/scratch-folders.js';
import type { AnalysisProcessor, AnalysisTask, ProcessContext } from './job-queue.js';

export interface ChildProcessSettings<Setup> {
  /** The file the child runs: it answers one ChildRequest with ChildMessages, then exits. */
  childFile: string;
  /** Where the child puts its scratch folders: whatever a killed child leaves there is removed. */
  workRoot: string;
  /** What the child needs to build its processor (plain data, sent with each task). */
  setup: Setup;
}

export type ChildRequest<Setup> = { task: AnalysisTask; setup: Setup };
export type ChildMessage =
  | { kind: 'progress'; progress: JobProgress }
  | { kind: 'done'; result: AnalysisResult }
  | { kind: 'failed'; error: { code: string; message: string; hint?: string } | null };

export function createChildProcessProcessor<Setup>(settings: ChildProcessSettings<Setup>): AnalysisProcessor {
  return async (task, context) => {
    try {
      return await runInChild(settings, task, context);
    } finally {
      // The child is gone by now; whatever it left (killed mid-job: the download, the face crops) goes too.
      await removeScratchOf(settings.workRoot, task.jobId);
    }
  };
}

function runInChild<Setup>(settings: ChildProcessSettings<Setup>, task: AnalysisTask, { signal, onProgress }: ProcessContext): Promise<AnalysisResult> {
  return new Promise<AnalysisResult>((resolve, reject) => {
    if (signal.aborted) return reject(new OnscreenError('interrupted'));
    const child = fork(settings.childFile, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let isSettled = false;
    // Settles once the child has exited, so that nothing writes into its scratch folder afterwards.
    const settle = (outcome: () => void) => {
      if (isSettled) return;
      isSettled = true;
      signal.removeEventListener('abort', stop);
      void exited.then(outcome);
    };
    const stop = () => {
      child.kill('SIGKILL');
      settle(() => reject(new OnscreenError('interrupted')));
    };
    signal.addEventListener('abort', stop, { once: true });
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'progress') onProgress(message.progress);
      else if (message.kind === 'done') settle(() => resolve({ ...message.result, thumbnails: toBuffers(message.result.thumbnails) }));
      else settle(() => reject(toError(message.error)));
    });
    child.once('error', (error) => {
      if (child.exitCode === null && child.signalCode === null && child.pid === undefined) child.emit('exit', null, null);
      settle(() => reject(error));
    });
    child.once('exit', (code, signalName) =>
      settle(() => reject(new Error(`The analysis process ended unexpectedly (${signalName ?? `exit code ${code}`}).`))),
    );
    child.send({ task, setup: settings.setup } satisfies ChildRequest<Setup>);
  });
}

/** IPC may hand Buffers back as plain Uint8Arrays. */
function toBuffers(thumbnails: ReadonlyMap<string, Uint8Array>): Map<string, Buffer> {
  return new Map([...thumbnails].map(([path, bytes]) => [path, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
}

function toError(error: { code: string; message: string; hint?: string } | null): Error {
  if (error && isErrorCode(error.code)) return new OnscreenError(error.code, error.message, error.hint ? { hint: error.hint } : undefined);
  return new Error('The analysis failed unexpectedly.');
}
