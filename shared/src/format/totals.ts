/**
 * A body of work's totals in words, the same in Slack and in the extension: "women on screen 34%
 * over 12 videos", the range of the women's share, and how complete the tagging is. Pure.
 */
import type { CollectionReport } from '../collection.js';
import { formatPercent, formatPercentRange } from './percent.js';

type Total = CollectionReport['total'];

export interface TotalsInWords {
  /** "women on screen 34% over 12 videos". */
  headline: string;
  women: string;
  men: string;
  /** "31–38%": counting every untagged or unknown person as not a woman, then as a woman. */
  womenRange: string;
  /** "12 videos", "1 video". */
  videos: string;
  /** "18 of 24 people tagged by a person, 2 recognised from the library, 4 not tagged yet". */
  tagging: string;
  /** Whether every person found was tagged by a person or recognised (no suggestion accepted unchecked, nobody untagged). */
  isTaggingComplete: boolean;
}

export function describeTotals(total: Total): TotalsInWords {
  const videos = `${total.videos} ${total.videos === 1 ? 'video' : 'videos'}`;
  const women = formatPercent(total.screenTime.female.share);
  return {
    headline: `women on screen ${women} over ${videos}`,
    women,
    men: formatPercent(total.screenTime.male.share),
    womenRange: formatPercentRange(total.femaleShareRange.low, total.femaleShareRange.high),
    videos,
    ...describeTagging(total.tagging),
  };
}

function describeTagging(tagging: Total['tagging']): Pick<TotalsInWords, 'tagging' | 'isTaggingComplete'> {
  if (!tagging) return { tagging: 'how complete the tagging is was not recorded', isTaggingComplete: false };
  const { byPerson, fromLibrary, acceptedSuggestion, untagged } = tagging;
  const found = byPerson + fromLibrary + acceptedSuggestion + untagged;
  const parts = [`${byPerson} of ${found} ${found === 1 ? 'person' : 'people'} tagged by a person`];
  if (fromLibrary > 0) parts.push(`${fromLibrary} recognised from the library`);
  if (acceptedSuggestion > 0) parts.push(`${acceptedSuggestion} ${acceptedSuggestion === 1 ? 'suggestion' : 'suggestions'} accepted unchecked`);
  if (untagged > 0) parts.push(`${untagged} not tagged yet`);
  return { tagging: parts.join(', '), isTaggingComplete: acceptedSuggestion === 0 && untagged === 0 };
}
