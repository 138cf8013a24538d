/**
 * One palette everywhere (charts, HTML, tagging page): women and men always in the same colours.
 * Orange and purple from a colour-blind-safe pair (distinguishable with protanopia, deuteranopia
 * and tritanopia, and in greyscale print: the orange is much lighter than the purple).
 */
export const COLOURS = {
  female: '#E66100',
  male: '#5D3A9B',
  unknown: '#8C8C8C',
  untagged: '#C9C9C9',
  nobody: '#E4E4E4',
  text: '#1A1A1A',
  muted: '#5C5C5C',
  grid: '#E8E8E8',
  background: '#FFFFFF',
} as const;

export const GROUP_LABELS = { female: 'Women', male: 'Men', unknown: 'Unknown', untagged: 'Untagged' } as const;
