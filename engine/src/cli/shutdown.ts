import { standDownLauncherWatch } from './launcher-watch.js';

/**
 * Calls `handler` on every SIGINT or SIGTERM (with how many came so far) until the returned
 * function is called. A signal that reaches this process stands the launcher watch down, so a
 * Ctrl-C to the whole group is not passed on a second time.
 */
export function onStopSignal(handler: (count: number) => void): () => void {
  let count = 0;
  const onSignal = () => {
    standDownLauncherWatch();
    handler(++count);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** Resolves after `stop` has run on SIGINT or SIGTERM; a second signal runs `stopNow` (default: exit). */
export function waitForShutdown(stop: () => Promise<void>, stopNow: () => Promise<void> = async () => process.exit(130)): Promise<void> {
  return new Promise((resolve, reject) => {
    onStopSignal((count) => void (count === 1 ? stop() : stopNow()).then(resolve, reject));
  });
}
