/**
 * A separate process that makes command-line edits through the CLI's own entry point (as
 * `npx onscreen tag` does), for the CLI/API race test. Args: <dir> <count> <person>.
 * Says "ready" once loaded, starts on a line from stdin, prints the exit code of every edit.
 */
import { createInterface } from 'node:readline';
import { main } from '../../../engine/src/cli/main.js';

const [dir, count, person] = process.argv.slice(2) as [string, string, string];
process.stdout.write('ready\n');
const input = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => input.once('line', () => resolve()));
input.close();
const codes: number[] = [];
for (let i = 0; i < Number(count); i++) {
  process.exitCode = 0;
  await main(['tag', dir, `${person}=${i % 2 === 0 ? 'female' : 'male'}`]);
  codes.push(Number(process.exitCode ?? 0));
}
process.exitCode = 0;
process.stdout.write(`codes ${codes.join(',')}\n`);
