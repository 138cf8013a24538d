#!/usr/bin/env node
// The `onscreen` command. Node 20 cannot run TypeScript, so tsx loads the sources.
import { register } from 'tsx/esm/api';

// Under npx, npm starts this through `sh -c`: a SIGTERM (or SIGINT) sent to npx stops npm and the
// shell, never this process, which would keep serving and hold the port. When the process that
// launched it is gone, the signal is passed on here, so `serve` and `worker` shut down as on SIGTERM.
if (process.env.npm_command === 'exec' || process.env.npm_command === 'run-script') {
  const launcher = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 250);
  watch.unref();
}

register();
const { main } = await import('../engine/src/cli/main.ts');
await main(process.argv.slice(2));
