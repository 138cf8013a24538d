/**
 * What each figure in the report means, in words a reader of the published piece would accept.
 * Keyed by the figure's path in report.json; the CSV and HTML exports reuse these sentences.
 */
import type { Group } from '../../../../shared/src/report.js';

const WHO: Record<Group, { plural: string; one: string }> = {
  female: { plural: 'women', one: 'woman' },
  male: { plural: 'men', one: 'man' },
  unknown: { plural: 'people tagged "unknown"', one: 'person tagged "unknown"' },
};

function screenTimeDefinitions(group: Group): Record<string, string> {
  const { plural, one } = WHO[group];
  const key = `screenTime.${group}`;
  return {
    [`${key}.seconds`]: `Seconds during which at least one ${one} is visible on screen. Two ${plural} on screen at the same time count once.`,
    [`${key}.share`]: `The time at least one ${one} is visible, as a share of the whole video's running time.`,
    [`${key}.personSeconds`]: `The sum of each of the ${plural}'s own screen time: two ${plural} on screen together for 10 seconds count 20 seconds.`,
    [`${key}.sizeWeightedSeconds`]: `Screen time of ${plural} weighted by how large they appear: each moment counts by the share of the picture taken up by the largest face of a ${one} visible then, so close-ups weigh more than faces in a crowd.`,
  };
}

export const DEFINITIONS: Record<string, string> = {
  method:
    'onscreen looks at sampled frames of the video, finds faces, groups the faces of one person together, and people tag each person as a woman, a man, unknown, or not a face. Gender here is how a person presents on screen as judged by the people who tagged the video, not how they identify. Every figure counts only people who were tagged; a face that was too small, too blurred or not a face is left out.',
  'sampling.fps': 'Frames looked at per second of video. Each frame stands for the time until halfway to the next one, or until a cut to another shot.',
  ...screenTimeDefinitions('female'),
  ...screenTimeDefinitions('male'),
  ...screenTimeDefinitions('unknown'),
  femaleShareOfGendered:
    'Of the time a woman or a man is visible, the women\'s part: women\'s seconds divided by women\'s plus men\'s seconds. Moments with both count for both. 50% means women and men are on screen for equally long.',
  femaleShareRange:
    'How low and how high the women\'s share of the running time could be. The low end counts only people tagged as women and assumes every appearance started and ended as late and as early as the sampling allows; the high end also counts every untagged or "unknown" person as a woman and stretches appearances as far as the sampling allows. A narrow range means the figure is solid.',
  'people.female': 'Number of distinct people tagged as women.',
  'people.male': 'Number of distinct people tagged as men.',
  'people.unknown': 'Number of distinct people whose gender the tagger could not or chose not to judge.',
  'people.untagged': 'Number of people nobody has tagged yet. They count in no figure except the range.',
  'coPresence.womenOnly': 'Seconds with at least one woman and no man visible.',
  'coPresence.menOnly': 'Seconds with at least one man and no woman visible.',
  'coPresence.both': 'Seconds with at least one woman and at least one man visible together.',
  'coPresence.neither': 'Seconds with no woman and no man visible (nobody, or only people tagged "unknown" or untagged).',
  'coPresence.nobody': 'Seconds with no tagged person visible at all: no woman, no man and nobody tagged "unknown".',
  timeline: 'The video cut into equal bins (one second each unless the video is long). A bin is marked for women or men when one is seen in a frame sampled inside the bin, or is visible for at least half of it.',
  persons: 'Each person found, with their own screen time and the share of the running time it represents.',
  'quality.facesDetected': 'Faces found in the sampled frames, including those later left out.',
  'quality.facesTooSmall': 'Faces left out because they were too small to judge.',
  'quality.facesLowQuality': 'Faces left out because they were too blurred, dark or turned away to judge.',
  'quality.facesNotFace': 'Detections left out because they were not faces.',
  'quality.clustersTaggedByPerson': 'People whose tag was chosen by a person.',
  'quality.clustersAcceptedSuggestion': 'People whose tag is the software\'s suggestion, accepted by a person.',
  'quality.clustersUntagged': 'People not tagged yet.',
  'quality.clustersNotFace': 'Groups of detections tagged "not a face" (for example a poster or a logo) and left out.',
  'quality.clustersMayBeTwoPeople': 'People flagged "check: may be two people": their faces fall into two groups that look less alike than one person\'s usually do, and nobody has split or merged them since. Each one\'s screen time may belong partly to someone else.',
};
