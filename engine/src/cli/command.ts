/** A subcommand of `onscreen`. The entry point only dispatches; each command lives in commands/. */
export interface Command {
  name: string;
  /** One line for `onscreen --help`. */
  summary: string;
  /** Full usage text for `onscreen <name> --help`. */
  usage: string;
  /** Returns the process exit code. Throw OnscreenError for expected failures. */
  run(args: string[]): Promise<number>;
}
