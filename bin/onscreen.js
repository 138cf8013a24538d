#!/usr/bin/env node
// The `onscreen` command. Node 20 cannot run TypeScript, so tsx loads the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../engine/src/cli/main.ts');
await main(process.argv.slice(2));
