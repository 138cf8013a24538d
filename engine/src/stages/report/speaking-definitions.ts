/**
 * What each speaking-time figure means (issue 14), keyed by its path in report.json. Added to the
 * report's definitions when the analysis measured speech.
 */
import type { Group } from '../../../../shared/src/report.js';
import { VOICE_SUGGESTION_CAVEAT } from '../../../../shared/src/format/speaking.js';

const WHO: Record<Group | 'untagged', string> = {
  female: 'a woman',
  male: 'a man',
  unknown: 'someone tagged "unknown"',
  untagged: 'someone nobody has tagged yet (a person or a voice)',
};

function groupDefinitions(group: Group | 'untagged'): Record<string, string> {
  const key = `speakingTime.${group}`;
  return {
    [`${key}.seconds`]: `Seconds of speech by ${WHO[group]}: seen speaking, or heard off screen in a voice tagged so (or linked to a person tagged so).`,
    [`${key}.share`]: `Speech by ${WHO[group]} as a share of all speech (not of the running time). The four shares add up to 100%.`,
  };
}

export const SPEAKING_DEFINITIONS: Record<string, string> = {
  speakingTime:
    'Who is heard. onscreen finds where someone speaks in the sound (Silero VAD), credits each stretch to the person on screen whose mouth moves in step with the voice, or to nobody seen (off screen), and groups off-screen speech into voices that people tag by ear. A voice linked to a person takes that person\'s tag unless it is tagged itself. A person may correct who speaks in any span.',
  'speakingTime.sound':
    '"speech": speech was found; "no-speech": the video has sound but no speech was found in it; "none": the video has no sound track. With no speech every speaking figure is zero, and the screen-time figures stand on their own.',
  'speakingTime.total':
    'Seconds of speech found, with voices tagged "not speech" removed. Two people speaking at once count once. Speech the detector missed is not counted, and a correction re-attributes speech found; it does not add any.',
  ...Object.fromEntries(['female', 'male', 'unknown', 'untagged'].flatMap((g) => Object.entries(groupDefinitions(g as Group | 'untagged')))),
  'speakingTime.onScreen':
    'Speech whose speaker is seen speaking, by the speaker\'s tag: their mouth moves in step with the voice, or the voice is theirs (they were seen speaking it elsewhere) and they are on screen with a moving mouth while no other face\'s mouth follows the sound. Seconds are of speech; each share is of all speech, so on screen and off screen together add up to the total and to 100%.',
  'speakingTime.offScreen':
    'Speech with no speaker seen (a voice-over, someone off camera, a face in a still photo), by the voice\'s tag. Each share is of all speech.',
  'speakingTime.femaleShareOfGendered':
    'Of the speech by a woman or a man, the women\'s part: women\'s seconds divided by women\'s plus men\'s. 50% means women and men are heard for equally long.',
  'speakingTime.notSpeechSeconds':
    'Seconds removed because their voice was tagged "not speech": music, singing or a crowd can set off the speech detector, and a person removes them by tagging the voice so. A voice whose sound is mostly held notes is suggested as "not speech" (a weak cue, never applied without a person).',
  'speakingTime.voiceSuggestion': VOICE_SUGGESTION_CAVEAT,
  'persons.speakingSeconds': 'Seconds this person is seen speaking (after corrections). Speech of their voice heard while they are off screen is counted under off screen.',
  'timeline.speaking':
    'Speech rows of the timeline: a bin is marked for women or men speaking when their speech covers at least half of it, or a stretch of their speech lies wholly inside it.',
};
