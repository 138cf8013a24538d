/** Block Kit's limits that the builders respect (https://api.slack.com/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  elementsPerActions: 25,
  textChars: 3000,
  /** A message's top-level `text` fallback. */
  fallbackChars: 4000,
  buttonTextChars: 75,
  optionTextChars: 75,
  optionsPerSelect: 100,
  optionValueChars: 150,
  valueChars: 255,
  actionIdChars: 255,
  blockIdChars: 255,
  altTextChars: 2000,
  imageUrlChars: 3000,
  headerChars: 150,
  contextElements: 10,
  fieldsPerSection: 10,
  fieldChars: 2000,
} as const;

/** Cuts `text` to `max` characters, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
