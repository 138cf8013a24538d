/**
 * The one palette: chart PNGs, the report HTML, the tagging page, the extension's strip and the
 * Slack messages' images all read it, so a woman is the same orange everywhere.
 * Orange and purple from a colour-blind-safe pair (distinguishable with protanopia, deuteranopia
 * and tritanopia, and in greyscale print: the orange is much lighter than the purple); the grey
 * for "unknown" keeps 4.5:1 contrast on white, so its labels stay readable.
 */
export const COLOURS = {
  female: '#E66100',
  male: '#5D3A9B',
  unknown: '#6B6B6B',
  notFace: '#A0A0A0',
  untagged: '#C9C9C9',
  nobody: '#E4E4E4',
  text: '#1A1A1A',
  muted: '#5C5C5C',
  grid: '#E8E8E8',
  background: '#FFFFFF',
} as const;

export type PaletteColour = keyof typeof COLOURS;

/** The groups' names beside their colours (legends, tables, alt texts). */
export const GROUP_LABELS = { female: 'Women', male: 'Men', unknown: 'Unknown', untagged: 'Untagged' } as const;
