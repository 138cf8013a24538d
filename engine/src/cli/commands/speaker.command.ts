import { resolve } from 'node:path';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { formatClock, parseClock } from '../../../../shared/src/format/clock.js';
import { personLabel } from '../../../../shared/src/ui/format.js';
import { editFolder, type EditRequest } from '../../services/analysis-folder.service.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';

const USAGE = `Usage: npx onscreen speaker <dir> <start>-<end>=<person|off> …

Corrects who speaks in a span of the video analysed in <dir>: a person's number (as in report.html),
or "off" for nobody seen (a voice-over, someone off camera). Times are seconds or m:ss.
It re-attributes the speech found in the span; undo takes it back.
Example: npx onscreen speaker onscreen-news 0:12-0:18=3 1:05-1:20=off`;

export const speakerCommand: Command = {
  name: 'speaker',
  summary: 'correct who speaks in a span (a person, or off screen)',
  usage: USAGE,
  async run(args) {
    const [dir, ...assignments] = args;
    if (!dir || assignments.length === 0) throw new OnscreenError('bad_request', USAGE);
    const requests = assignments.map(parseSpeaker);
    const { people } = await editFolder(resolve(dir), requests, currentUser());
    for (const r of requests) {
      if (r.kind !== 'speaker') continue;
      const speaking = people.find((p) => p.id === r.person)?.speakingSeconds;
      const who = r.person === null ? 'off screen' : `${personLabel(r.person)}${speaking === undefined ? '' : ` (${speaking.toFixed(1)} s of speech in all)`}`;
      process.stdout.write(`Speaker of ${formatClock(r.start)}–${formatClock(r.end)}: ${who}.\n`);
    }
    process.stdout.write(`Write the report with: npx onscreen report ${dir}\n`);
    return 0;
  },
};

/** "0:12-0:18=3" or "12-18.5=off" as an edit request; one line saying what is wrong otherwise. */
export function parseSpeaker(text: string): EditRequest {
  const match = /^([\d:.]+)-([\d:.]+)=(\d+|off)$/i.exec(text);
  const start = match ? parseClock(match[1]!) : null;
  const end = match ? parseClock(match[2]!) : null;
  if (!match || start === null || end === null) {
    throw new OnscreenError('bad_request', `"${text}" is not <start>-<end>=<person|off> (times as seconds or m:ss, e.g. 0:12-0:18=3).`);
  }
  if (end <= start) throw new OnscreenError('bad_request', `"${text}": the span must end after it starts.`);
  return { kind: 'speaker', start, end, person: match[3]!.toLowerCase() === 'off' ? null : Number(match[3]) };
}
