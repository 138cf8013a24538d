/**
 * One voice heard off screen (issue 14), posted under its audio file in the thread: how long and
 * from when, the weak suggestion with its confidence and why it is weak, and the four tag buttons.
 */
import type { types } from '@slack/bolt';
import type { VoiceView } from '../../../shared/src/analysis.js';
import { formatClock } from '../../../shared/src/format/clock.js';
import { formatDuration } from '../../../shared/src/format/duration.js';
import { VOICE_SUGGESTION_CAVEAT } from '../../../shared/src/format/speaking.js';
import { describeSuggestion } from '../../../shared/src/ui/format.js';
import { VOICE_TAG_ACTIONS } from './ids.js';
import { LIMITS } from './limits.js';
import { context, plain, section, type SlackMessage } from './message.js';
import { formatActor } from './mrkdwn.js';
import { encodeVoiceRef } from './values.js';

export function buildVoiceMessage(jobId: string, voice: VoiceView): SlackMessage {
  const heard = `*Voice ${voice.id}* · ${formatDuration(voice.seconds)} of speech, first at ${formatClock(voice.firstAt)}`;
  const described = describeSuggestion(voice.suggestion);
  const suggestion = described ? `${described} (a weak cue)` : 'No suggestion';
  const label = VOICE_TAG_ACTIONS.find((a) => a.tag === voice.tag)?.label;
  const tagged = label ? `:white_check_mark: *${label}* (${formatActor(voice.taggedBy, voice.taggedOnBehalfOf)})` : '_not tagged_: listen to the file above, then tag';
  const value = encodeVoiceRef({ jobId, voice: voice.id });
  const buttons: types.Button[] = VOICE_TAG_ACTIONS.map(({ actionId, tag, label: text }) => ({
    type: 'button', action_id: actionId, text: plain(text, LIMITS.buttonTextChars), value, ...(voice.tag === tag ? { style: 'primary' as const } : {}),
  }));
  return {
    text: `Voice ${voice.id}, heard from ${formatClock(voice.firstAt)}: who is speaking? ${label ? `Tagged ${label.toLowerCase()}.` : 'Not tagged yet.'}`,
    blocks: [
      { ...section(`${heard}\n${suggestion}\n${tagged}`), block_id: `voice.${voice.id}` },
      { type: 'actions', block_id: `voice.${voice.id}.actions`, elements: buttons },
      context(VOICE_SUGGESTION_CAVEAT, '"Not speech" removes music, singing or a crowd from speaking time.'),
    ],
  };
}
