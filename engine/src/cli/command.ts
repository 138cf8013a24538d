import type { ServiceHandle } from '../api/start-service.js';
import type { ServiceConfig, ServiceFlags } from '../config/service.config.js';
import type { WorkerHandle } from '../roots/worker.root.js';
import type { Engine } from '../services/engine.js';
import type { RunningBot } from '../../../bot/src/app.js';

/** A subcommand of `onscreen`. The entry point only dispatches; each command lives in commands/. */
export interface Command {
  name: string;
  /** One line for `onscreen --help`. */
  summary: string;
  /** Full usage text for `onscreen <name> --help`. */
  usage: string;
  /** Returns the process exit code. Throw OnscreenError for expected failures. */
  run(args: string[], context: CliContext): Promise<number>;
}

/**
 * What the CLI's composition root (main.ts) hands every command: the settings parsed once, the
 * engine built on them, and the other process kinds' roots (loaded only by the command that runs
 * one). Commands themselves import only services, contracts and shared.
 */
export interface CliContext {
  /** ffmpeg and the models, on the engine settings (ONSCREEN_FFMPEG, ONSCREEN_MODELS_DIR, ONSCREEN_ONNX_THREADS). */
  engine: Engine;
  /** ONSCREEN_LIBRARY: the people library folder when `--library` is not given. */
  libraryDir: string | undefined;
  /** The service settings from the environment, with these flags winning. */
  serviceConfig(flags: ServiceFlags): ServiceConfig;
  /** The server (`onscreen serve`): storage, the queue, the routes, listening. */
  startServer(config: ServiceConfig): Promise<ServiceHandle>;
  /** A BullMQ worker (`onscreen worker`). */
  startWorker(config: ServiceConfig, log: (line: string) => void): Promise<WorkerHandle>;
  /** The Slack bot (`onscreen bot`), on its settings from the environment; `port` wins over BOT_PORT. */
  startBot(port: string | undefined): Promise<RunningBot>;
}
