/**
 * Every id the bot puts into Slack and listens for, in one place: the block builders use
 * these to build messages and the listeners to register, so the two cannot drift apart
 * (test/unit/bot/listeners.meta.test.ts checks both directions).
 */
import type { Tag, VoiceTag } from '../../../shared/src/analysis.js';

/** action_id of every interactive element the bot renders outside a modal's input blocks. */
export const ACTION_IDS = {
  tagFemale: 'onscreen.tag.female',
  tagMale: 'onscreen.tag.male',
  tagUnknown: 'onscreen.tag.unknown',
  tagNotFace: 'onscreen.tag.not_face',
  merge: 'onscreen.merge',
  acceptAll: 'onscreen.accept_all',
  finish: 'onscreen.finish',
  /** The button on a YouTube link's unfurl. */
  analyzeLink: 'onscreen.analyze_link',
  /** URL buttons still send an interaction; the listener only acknowledges it. */
  openReport: 'onscreen.open_report',
  openHomeModal: 'onscreen.home.analyze',
  /** "More faces" / "Details" on a person: a modal with their faces and the rest. */
  personDetails: 'onscreen.person.details',
  /** Switches a thread's tagging messages between the full and the compact layout. */
  switchLayout: 'onscreen.layout',
  /** The tag buttons under a voice's audio (issue 14). */
  tagVoiceFemale: 'onscreen.voice.female',
  tagVoiceMale: 'onscreen.voice.male',
  tagVoiceUnknown: 'onscreen.voice.unknown',
  tagVoiceNotSpeech: 'onscreen.voice.not_speech',
  /** The "who is speaking" menu on a stretch of speech (issue 14). */
  correctSpeaker: 'onscreen.speaker',
} as const;

export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/** The tag buttons, in the order they appear. */
export const TAG_ACTIONS: readonly { actionId: ActionId; tag: Tag; label: string }[] = [
  { actionId: ACTION_IDS.tagFemale, tag: 'female', label: 'Female' },
  { actionId: ACTION_IDS.tagMale, tag: 'male', label: 'Male' },
  { actionId: ACTION_IDS.tagUnknown, tag: 'unknown', label: 'Unknown' },
  { actionId: ACTION_IDS.tagNotFace, tag: 'not-face', label: 'Not a face' },
];

/** The tag buttons of a voice, in the order they appear. */
export const VOICE_TAG_ACTIONS: readonly { actionId: ActionId; tag: VoiceTag; label: string }[] = [
  { actionId: ACTION_IDS.tagVoiceFemale, tag: 'female', label: 'Female' },
  { actionId: ACTION_IDS.tagVoiceMale, tag: 'male', label: 'Male' },
  { actionId: ACTION_IDS.tagVoiceUnknown, tag: 'unknown', label: 'Unknown' },
  { actionId: ACTION_IDS.tagVoiceNotSpeech, tag: 'not-speech', label: 'Not speech' },
];

/** Ids inside modals' input blocks: read from `view.state` on submission, never dispatched. */
export const INPUT_IDS = {
  urlBlock: 'onscreen.analyze.url',
  urlInput: 'url',
  channelBlock: 'onscreen.analyze.channel',
  channelInput: 'channel',
} as const;

/** callback_id of each modal the bot opens. */
export const VIEW_IDS = {
  analyzeModal: 'onscreen.analyze_modal',
} as const;

/** callback_id of modals that only show things (no submit button, so no submission to listen for). */
export const DISPLAY_VIEW_IDS = {
  /** A person's faces and details. */
  personModal: 'onscreen.person_modal',
} as const;

/** callback_id of each shortcut; must match bot/manifest.yml. */
export const SHORTCUT_IDS = {
  analyzeMessage: 'onscreen.analyze_message',
} as const;

/** Slash commands; must match bot/manifest.yml. */
export const COMMANDS = {
  onscreen: '/onscreen',
} as const;
