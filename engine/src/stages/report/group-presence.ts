/**
 * Who is visible in each sample, by group. A person is visible in a sample when one of their
 * counted faces (not set aside) was found in that frame. People tagged not-a-face never count;
 * untagged people are kept apart, for the uncertainty range only.
 */
import type { Analysis, PersonView } from '../../../../shared/src/analysis.js';
import { type AnalysisIndex, countedFaces } from './analysis-index.js';

export type PresenceGroup = 'female' | 'male' | 'unknown' | 'untagged';
export const PRESENCE_GROUPS: readonly PresenceGroup[] = ['female', 'male', 'unknown', 'untagged'];

/**
 * Per group, per sample: the largest visible face's share of the frame area (0..1), or
 * NOT_VISIBLE when nobody of the group is in that sample.
 */
export type GroupPresence = Record<PresenceGroup, Float64Array>;
export const NOT_VISIBLE = -1;

export function groupOf(person: PersonView): PresenceGroup | null {
  if (person.tag === null) return 'untagged';
  return person.tag === 'not-face' ? null : person.tag;
}

export function presenceByGroup(analysis: Analysis, index: AnalysisIndex, persons: readonly PersonView[]): GroupPresence {
  const samples = analysis.sampling.times.length;
  const presence = Object.fromEntries(PRESENCE_GROUPS.map((g) => [g, new Float64Array(samples).fill(NOT_VISIBLE)])) as GroupPresence;
  const frameArea = analysis.video.width * analysis.video.height;
  for (const person of persons) {
    const group = groupOf(person);
    if (group === null) continue;
    const lane = presence[group];
    for (const face of countedFaces(analysis, index, person.tracks)) {
      if (face.sample < 0 || face.sample >= samples) continue;
      const area = frameArea > 0 ? Math.min(1, Math.max(0, (face.box[2] * face.box[3]) / frameArea)) : 0;
      lane[face.sample] = Math.max(lane[face.sample] as number, area);
    }
  }
  return presence;
}

/** Whether anyone of any of these groups is visible in each sample. */
export function isAnyVisible(presence: GroupPresence, groups: readonly PresenceGroup[]): boolean[] {
  const samples = presence.female.length;
  return Array.from({ length: samples }, (_, s) => groups.some((g) => (presence[g][s] as number) > NOT_VISIBLE));
}
