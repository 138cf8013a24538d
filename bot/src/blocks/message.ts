import type { types } from '@slack/bolt';
import { LIMITS, truncate } from './limits.js';

export type Block = types.KnownBlock;
export type View = types.View;

/** What a builder returns: blocks, and the plain `text` Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, LIMITS.textChars) };
}

export function plain(text: string, max: number = LIMITS.textChars): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function section(text: string, accessory?: types.SectionBlock['accessory']): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...(accessory ? { accessory } : {}) };
}

export function context(...texts: string[]): types.ContextBlock {
  return { type: 'context', elements: texts.slice(0, LIMITS.contextElements).map(mrkdwn) };
}

export function message(text: string, blocks: Block[]): SlackMessage {
  return { text: truncate(text, LIMITS.fallbackChars), blocks };
}
