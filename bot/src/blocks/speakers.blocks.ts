/**
 * "Who speaks" in the thread (issue 14): one line per run of the same speaker, each with a menu to
 * set who is speaking there, one of the people or off screen. The same runs and words as the
 * tagging page (shared/src/format/speech.ts). With no speech found, it says so in one line.
 */
import type { types } from '@slack/bolt';
import type { PersonView } from '../../../shared/src/analysis.js';
import type { SpeechSpan } from '../../../shared/src/api/types.js';
import { describeRun, NO_SPEECH_FOUND, OFF_SCREEN_LABEL, speakerOption, speakerRuns, type SpeakerRun } from '../../../shared/src/format/speech.js';
import { ACTION_IDS } from './ids.js';
import { LIMITS, truncate } from './limits.js';
import { context, plain, section, type Block, type SlackMessage } from './message.js';
import { encodeSpeakerRef } from './values.js';

/** Runs shown in the message; the rest are on the tagging page (a message holds 50 blocks). */
export const SPEAKER_RUNS_SHOWN = 40;

export function buildSpeakersMessage(jobId: string, speech: readonly SpeechSpan[], people: readonly PersonView[]): SlackMessage {
  const runs = speakerRuns(speech);
  if (runs.length === 0) return { text: NO_SPEECH_FOUND, blocks: [section(`*Who speaks* · ${NO_SPEECH_FOUND} Speaking time is not measured for this video; the screen-time figures stand.`)] };
  const speakers = people.filter((p) => p.tag !== 'not-face');
  const shown = runs.slice(0, SPEAKER_RUNS_SHOWN);
  const rows: Block[] = shown.map((run) => ({ ...section(describeRun(run), speakerMenu(jobId, run, speakers)), block_id: `speaker.${run.start}` }));
  const more = runs.length > shown.length ? [`${runs.length - shown.length} more on the tagging page.`] : [];
  return {
    text: `Who speaks: ${runs.length} stretch${runs.length === 1 ? '' : 'es'} of speech. Set who is speaking where it is wrong.`,
    blocks: [
      section('*Who speaks* · who is seen speaking, or off screen. Where it is wrong, choose who is speaking.'),
      ...rows,
      context('A correction moves the speech found in that stretch to the person you choose; it adds no speech. Undo on the tagging page.', ...more),
    ],
  };
}

function speakerMenu(jobId: string, run: SpeakerRun, speakers: readonly PersonView[]): types.StaticSelect {
  const option = (person: number | null, label: string): types.PlainTextOption => ({
    text: plain(truncate(label, LIMITS.optionTextChars)),
    value: encodeSpeakerRef({ jobId, start: run.start, end: run.end, person }),
  });
  const options = [option(null, OFF_SCREEN_LABEL), ...speakers.slice(0, LIMITS.optionsPerSelect - 1).map((p) => option(p.id, speakerOption(p)))];
  // The speaker now, if the menu offers them (a person tagged "not a face" since is not offered).
  const index = run.person === null ? 0 : 1 + speakers.findIndex((p) => p.id === run.person);
  const current = run.person === null || index > 0 ? options[index] : undefined;
  return {
    type: 'static_select',
    action_id: ACTION_IDS.correctSpeaker,
    placeholder: plain('Who is speaking', LIMITS.optionTextChars),
    options,
    ...(current ? { initial_option: current } : {}),
  };
}
