/**
 * The tagging keys, the same wherever people are tagged (the page's cards, the extension's
 * compact list): F, M, U and N tag the focused person; nothing happens while the user types.
 */
import { TAGS, type Tag } from '../analysis.js';
import { TAG_KEYS } from './format.js';

/** The tag a key press asks for, or null (other keys, modifier chords, typing in a field). */
export function tagForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): Tag | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return null;
  return TAGS.find((t) => TAG_KEYS[t] === event.key.toLowerCase()) ?? null;
}

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; type?: string } | null;
  if (element?.tagName === 'INPUT') return !['checkbox', 'radio', 'button'].includes(element.type ?? '');
  return element?.tagName === 'TEXTAREA' || element?.tagName === 'SELECT';
}
