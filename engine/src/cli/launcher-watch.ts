import { readFileSync } from 'node:fs';

/**
 * Under `npx` (and `npm run`), npm starts onscreen through `sh -c`, and a signal sent to the npx
 * process alone never reaches onscreen: npm passes it on to the shell only. A SIGTERM ends the
 * shell, so onscreen's parent changes; Debian's and Ubuntu's shell (dash) holds a SIGINT until its
 * child exits, so the only trace is that the shell, asleep waiting for onscreen, woke up (issue 10).
 * This watch turns either into a signal to this process, once, so `serve`, `worker`, `analyze` and
 * the bot stop as on Ctrl-C. It stands down as soon as a signal reaches this process directly.
 * The shell wakes for nothing else but this process stopping or continuing (handled: a late tick,
 * SIGCONT), or a stop signal sent to a process group without a terminal (which the kernel then
 * drops): that one is taken as a Ctrl-C too.
 */

const TICK_MS = 250;
/** A tick this late means this process was stopped (Ctrl-Z): the shell's wakes are then ours. */
const LATE_MS = 3000;
/** After this process is continued, the shell is woken by its child's change of state too: wakes then are ours. */
const CONTINUE_GRACE_MS = 1000;
const SHELLS = new Set(['sh', 'dash', 'bash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

/** What the watch sees of its launcher at one tick. */
export interface LauncherSample {
  /** This process's parent now. */
  ppid: number;
  /** How often the waiting shell has woken so far (its context switches); null when it is not watched. */
  shellWakes: number | null;
}

export type LauncherVerdict = 'same' | 'gone' | 'woke' | 'late';

/** Compares two ticks: the launcher gone (a new parent), the waiting shell woken (a signal reached it), a late tick (judge nothing), or nothing new. */
export function judgeLauncher(launcherPid: number, previous: LauncherSample, now: LauncherSample, elapsedMs: number): LauncherVerdict {
  if (now.ppid !== launcherPid) return 'gone';
  if (elapsedMs > LATE_MS) return 'late';
  if (previous.shellWakes === null || now.shellWakes === null) return 'same';
  return now.shellWakes !== previous.shellWakes ? 'woke' : 'same';
}

let standDown: (() => void) | null = null;

/** A signal reached this process itself: the watch has nothing more to pass on. */
export function standDownLauncherWatch(): void {
  standDown?.();
}

/** Starts the watch when npm launched this process (`npmCommand` is npm's `npm_command`); a no-op otherwise. */
export function startLauncherWatch(npmCommand: string | undefined): void {
  if (npmCommand !== 'exec' && npmCommand !== 'run-script') return;
  const launcher = process.ppid;
  const isShellWatched = isLoneWaitingShell(launcher, npmCommand === 'exec');
  const sample = (): LauncherSample => ({ ppid: process.ppid, shellWakes: isShellWatched ? readWakes(launcher) : null });
  let previous = sample();
  let previousAt = Date.now();
  let isSuspect = false;
  let quietUntil = 0;
  const pass = (signal: NodeJS.Signals) => {
    standDownLauncherWatch();
    process.kill(process.pid, signal);
  };
  const timer = setInterval(() => {
    const now = sample();
    const verdict = judgeLauncher(launcher, previous, now, Date.now() - previousAt);
    [previous, previousAt] = [now, Date.now()];
    if (verdict === 'gone') return pass('SIGTERM');
    // A woken shell is confirmed one tick later: a Ctrl-C reaches this process too, and stands the watch down in between.
    if (isSuspect && verdict !== 'late') return pass('SIGINT');
    isSuspect = verdict === 'woke' && Date.now() >= quietUntil;
  }, TICK_MS);
  timer.unref();
  const onContinue = () => ([previous, previousAt, isSuspect, quietUntil] = [sample(), Date.now(), false, Date.now() + CONTINUE_GRACE_MS]);
  process.on('SIGCONT', onContinue);
  standDown = () => {
    clearInterval(timer);
    process.off('SIGCONT', onContinue);
    standDown = null;
  };
}

/** Whether the parent is a shell (Linux) whose only child is this process: then only a signal can wake it. */
function isLoneWaitingShell(pid: number, isSingleCommand: boolean): boolean {
  try {
    if (!SHELLS.has(readFileSync(`/proc/${pid}/comm`, 'utf8').trim())) return false;
    if (readWakes(pid) === null) return false;
    const children = readOptional(`/proc/${pid}/task/${pid}/children`);
    return children === null ? isSingleCommand : children.trim() === String(process.pid);
  } catch {
    return false;
  }
}

function readWakes(pid: number): number | null {
  const status = readOptional(`/proc/${pid}/status`);
  const switches = status?.match(/^(?:non)?voluntary_ctxt_switches:\s*(\d+)$/gm);
  return switches?.length === 2 ? switches.reduce((sum, line) => sum + Number(line.split(/\s+/).at(-1)), 0) : null;
}

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
