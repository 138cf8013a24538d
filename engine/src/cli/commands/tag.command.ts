import { join, resolve } from 'node:path';
import { type Tag, TAGS, VOICE_TAGS, type VoiceTag } from '../../../../shared/src/analysis.js';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { editFolder, type EditRequest } from '../../services/analysis-folder.service.js';
import type { Command } from '../command.js';
import { currentUser } from '../current-user.js';
import { followCorrections, takeLibraryOption } from '../library-folder.js';

const USAGE = `Usage: npx onscreen tag <dir> <person>=<female|male|unknown|not-face> v<N>=<female|male|unknown|not-speech> … [--library DIR]

Tags people found by \`onscreen analyze\` in <dir> (ids as in analysis.json and report.html), and
voices heard off screen by ear (v0, v1, …; each one's sample is named in analysis.json). "not-speech"
removes a voice that is music, singing or a crowd from speaking time.
Example: npx onscreen tag onscreen-news 0=female 3=male 7=not-face v2=female
Then write the report: npx onscreen report <dir>
Correcting the tag of someone recognised from the people library corrects it in the library too
(--library DIR, else $ONSCREEN_LIBRARY, else ./onscreen-library).`;

export const tagCommand: Command = {
  name: 'tag',
  summary: 'tag people as female, male, unknown or not a face',
  usage: USAGE,
  async run(args, context) {
    const { rest, library } = takeLibraryOption(args);
    const [dir, ...assignments] = rest;
    if (!dir || assignments.length === 0) throw new OnscreenError('bad_request', USAGE);
    const requests = assignments.map(parseAssignment);
    const outcome = await editFolder(resolve(dir), requests, currentUser());
    const { people, voices } = outcome;
    for (const request of requests) {
      if (request.kind === 'tag') process.stdout.write(`Person ${request.person}: ${request.tag}.\n`);
      if (request.kind === 'tag-voice') process.stdout.write(`Voice ${request.voice}: ${request.tag}.\n`);
    }
    for (const line of await followCorrections(resolve(dir), outcome, { flag: library, fromSettings: context.libraryDir }, currentUser())) process.stdout.write(`${line}\n`);
    for (const voice of voices.filter((v) => v.counts === null)) {
      process.stdout.write(`Voice ${voice.id} is not tagged yet${voice.sample ? `: listen to ${join(dir, voice.sample)}` : ''}.\n`);
    }
    const left = people.filter((p) => p.tag === null).length;
    process.stdout.write(`${left === 0 ? 'Everyone is tagged.' : `${left} ${left === 1 ? 'person' : 'people'} left to tag.`} Write the report with: npx onscreen report ${dir}\n`);
    return 0;
  },
};

/** "3=male" or "v2=female" as an edit request; one line saying what is wrong otherwise. */
function parseAssignment(text: string): EditRequest {
  const bad = (why: string) => new OnscreenError('bad_request', `"${text}": ${why}`);
  const voice = /^(v\d+)=(.+)$/.exec(text);
  if (voice) {
    if (VOICE_TAGS.includes(voice[2] as VoiceTag)) return { kind: 'tag-voice', voice: voice[1]!, tag: voice[2] as VoiceTag };
    if (TAGS.includes(voice[2] as Tag)) throw bad(`${voice[2]} is for people; a voice is ${VOICE_TAGS.join(', ')}.`);
    throw bad(`not v<N>=<${VOICE_TAGS.join('|')}>.`);
  }
  const match = /^(\d+)=(.+)$/.exec(text);
  if (match && TAGS.includes(match[2] as Tag)) return { kind: 'tag', person: Number(match[1]), tag: match[2] as Tag };
  if (match && VOICE_TAGS.includes(match[2] as VoiceTag)) throw bad(`${match[2]} is for voices (v0, v1, …); a person is ${TAGS.join(', ')}.`);
  if (match) throw bad(`not <person>=<${TAGS.join('|')}>.`);
  throw bad(`a person is a number (0=female) and a voice v and a number (v2=female), as in analysis.json and report.html.`);
}

/** A person id from the command line. */
export function parseId(text: string | undefined, usage: string): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new OnscreenError('bad_request', `"${text ?? ''}" is not a person or track id (a whole number).\n${usage}`);
  return Number(text);
}
