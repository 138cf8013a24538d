/**
 * "Check: may be two people" (issue 12), in the same words on every surface: the tagging page and
 * the popup (DoubtNote), Slack, the CLI. "The bar" is the one drawn between the two groups of faces
 * on the person's contact sheet. Pure.
 */
export const DOUBT_TEXT = {
  title: 'Check: may be two people.',
  explain: 'The faces either side of the bar look less alike than one person’s usually do.',
} as const;
