/** Resolves after `stop` has run on SIGINT or SIGTERM; a second signal runs `stopNow` (default: exit). */
export function waitForShutdown(stop: () => Promise<void>, stopNow: () => Promise<void> = async () => process.exit(130)): Promise<void> {
  return new Promise((resolve, reject) => {
    let signals = 0;
    const onSignal = () => {
      signals++;
      (signals === 1 ? stop() : stopNow()).then(resolve, reject);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
