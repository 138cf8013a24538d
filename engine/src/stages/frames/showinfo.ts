/**
 * Reading ffmpeg's `showinfo` log lines: the only place ffmpeg tells the time of each frame it
 * writes as raw video. Pure string parsing.
 */

/** Instance names given to the two showinfo filters, so their lines can be told apart. */
export const SAMPLE_TAG = 'onscreen_sample';
export const CUT_TAG = 'onscreen_cut';

export interface ShowinfoEntry {
  tag: typeof SAMPLE_TAG | typeof CUT_TAG;
  /** Presentation time, seconds. */
  t: number;
}

// e.g. `[showinfo@onscreen_sample @ 0x2c896180] n:   1 pts:   6656 pts_time:0.52    pos: ...`
const LINE = /(onscreen_sample|onscreen_cut)[^\]]*\]\s*n:\s*\d+\s+pts:\s*-?\d+\s+pts_time:\s*(-?[0-9.eE+-]+)/;

/** The frame entry on this line, or null for any other line (including showinfo's extra lines). */
export function parseShowinfoLine(line: string): ShowinfoEntry | null {
  const match = LINE.exec(line);
  if (!match) return null;
  const t = Number(match[2]);
  if (!Number.isFinite(t)) return null;
  return { tag: match[1] as ShowinfoEntry['tag'], t };
}

/** Splits a byte stream into lines, keeping the unfinished tail for the next chunk. */
export class LineSplitter {
  private tail = '';

  push(chunk: string): string[] {
    const text = this.tail + chunk;
    const lines = text.split(/\r?\n|\r/);
    this.tail = lines.pop() ?? '';
    return lines;
  }

  flush(): string[] {
    const rest = this.tail;
    this.tail = '';
    return rest ? [rest] : [];
  }
}
