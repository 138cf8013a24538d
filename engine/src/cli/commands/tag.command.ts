import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { type Analysis, type Edit, type Tag, TAGS } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { applyEdits, isEffectiveEdit, validateEdit } from '../../stages/people/edits.js';
import { appendEdit, readAnalysis, readEdits } from '../../storage/analysis-folder.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen tag <dir> <person>=<female|male|unknown|not-face> …

Tags people found by \`onscreen analyze\` in <dir> (ids as in analysis.json and report.html).
Example: npx onscreen tag onscreen-news 0=female 3=male 7=not-face
Then write the report: npx onscreen report <dir>`;

export const tagCommand: Command = {
  name: 'tag',
  summary: 'tag people as female, male, unknown or not a face',
  usage: USAGE,
  async run(args) {
    const [dir, ...assignments] = args;
    if (!dir || assignments.length === 0) throw new OnscreenError('bad_request', USAGE);
    const edits = assignments.map((text): Edit => {
      const match = /^(\d+)=(.+)$/.exec(text);
      if (!match || !TAGS.includes(match[2] as Tag)) {
        throw new OnscreenError('bad_request', `"${text}" is not <person>=<${TAGS.join('|')}>.\n${USAGE}`);
      }
      return { kind: 'tag', cluster: Number(match[1]), tag: match[2] as Tag, ...stamp() };
    });
    const { analysis, history } = await recordEdits(resolve(dir), edits);
    const people = applyEdits(analysis, history);
    for (const edit of edits) if (edit.kind === 'tag') process.stdout.write(`Person ${edit.cluster}: ${edit.tag}.\n`);
    const left = people.filter((p) => p.tag === null).length;
    process.stdout.write(`${left === 0 ? 'Everyone is tagged.' : `${left} ${left === 1 ? 'person' : 'people'} left to tag.`} Write the report with: npx onscreen report ${dir}\n`);
    return 0;
  },
};

/** Who and when, for edits made on this machine's command line. */
export function stamp(): { by: string; at: string } {
  let by = 'cli';
  try {
    by = userInfo().username || by;
  } catch {
    // No user name (some containers): keep "cli".
  }
  return { by, at: new Date().toISOString() };
}

/**
 * Validates every edit in order against the history, then appends them: all or nothing.
 * Edits that would change nothing (a repeated tag) are not stored.
 */
export async function recordEdits(dir: string, edits: readonly Edit[]): Promise<{ analysis: Analysis; history: Edit[] }> {
  const analysis = await readAnalysis(dir);
  const history = await readEdits(dir);
  const accepted: Edit[] = [];
  for (const edit of edits) {
    const error = validateEdit(analysis, [...history, ...accepted], edit);
    if (error) throw error;
    if (isEffectiveEdit(analysis, [...history, ...accepted], edit)) accepted.push(edit);
  }
  for (const edit of accepted) await appendEdit(dir, edit);
  return { analysis, history: [...history, ...accepted] };
}

/** A person id from the command line. */
export function parseId(text: string | undefined, usage: string): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new OnscreenError('bad_request', `"${text ?? ''}" is not a person or track id (a whole number).\n${usage}`);
  return Number(text);
}
