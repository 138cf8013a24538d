/** Bolt's Logger on stderr/stdout with a level, so the bot has one logger before the app exists. */
import { LogLevel, type Logger } from '@slack/bolt';

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function createConsoleLogger(level: LogLevel, name = 'onscreen-bot'): Logger {
  let current = level;
  let label = name;
  const isOn = (l: LogLevel) => ORDER.indexOf(l) >= ORDER.indexOf(current);
  const write = (l: LogLevel, stream: NodeJS.WriteStream, parts: unknown[]) => {
    if (isOn(l)) stream.write(`[${l.toUpperCase()}] ${label} ${parts.map(String).join(' ')}\n`);
  };
  return {
    debug: (...parts) => write(LogLevel.DEBUG, process.stdout, parts),
    info: (...parts) => write(LogLevel.INFO, process.stdout, parts),
    warn: (...parts) => write(LogLevel.WARN, process.stderr, parts),
    error: (...parts) => write(LogLevel.ERROR, process.stderr, parts),
    setLevel: (l) => { current = l; },
    getLevel: () => current,
    setName: (n) => { label = n; },
  };
}
