/**
 * Shows pipeline progress: a bar with an ETA redrawn in place on a terminal, plain lines
 * otherwise (one per stage and every 10%), or JSON lines for machines (`--json`).
 */
import { formatEta } from '../../../shared/src/format/eta.js';
import type { JobProgress } from '../contracts/progress.js';

export type ProgressMode = 'bar' | 'lines' | 'json';

export function chooseProgressMode(isJson: boolean, stream: NodeJS.WriteStream): ProgressMode {
  if (isJson) return 'json';
  return stream.isTTY ? 'bar' : 'lines';
}

export function createProgressDisplay(mode: ProgressMode, stream: NodeJS.WriteStream): { update(p: JobProgress): void; done(): void } {
  let lastStage = '';
  let lastDecile = -1;
  let lastDraw = 0;
  return {
    update(progress) {
      if (mode === 'json') {
        stream.write(`${JSON.stringify({ event: 'progress', ...progress })}\n`);
        return;
      }
      if (mode === 'lines') {
        const decile = Math.floor(progress.percent / 10);
        if (progress.stage === lastStage && decile === lastDecile) return;
        lastStage = progress.stage;
        lastDecile = decile;
        stream.write(`${formatLine(progress)}\n`);
        return;
      }
      const now = Date.now();
      if (now - lastDraw < 100 && progress.percent < 100) return;
      lastDraw = now;
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
      const filled = Math.round((progress.percent / 100) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const line = `${bar} ${progress.percent.toFixed(0).padStart(3)}%  ${formatEta(progress.etaSeconds)}  ${progress.message}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
    },
    done() {
      if (mode === 'bar') stream.write('\r\x1b[2K');
    },
  };
}

export function formatLine(progress: JobProgress): string {
  const eta = progress.etaSeconds !== null && progress.percent < 100 ? ` (${formatEta(progress.etaSeconds)})` : '';
  return `[${progress.percent.toFixed(0).padStart(3)}%] ${progress.message}${eta}`;
}
