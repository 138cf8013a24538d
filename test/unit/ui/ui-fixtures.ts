/** Small, hand-made report and people for the UI tests. */
import type { PersonView } from '../../../shared/src/analysis.js';
import type { Report, TimelineBin } from '../../../shared/src/report.js';

export function makePerson(id: number, overrides: Partial<PersonView> = {}): PersonView {
  return {
    id,
    tracks: [id * 10],
    faces: 12,
    seconds: 10,
    suggestion: { gender: 'female', confidence: 0.92 },
    tag: null,
    tagOrigin: null,
    taggedBy: null,
    taggedAt: null,
    thumbnail: `thumbs/cluster-${id}.jpg`,
    showAt: 3,
    sourceClusters: [id],
    ...overrides,
  };
}

/** A 10 s video in 1 s bins: women in 0–3 s, men in 2–6 s, nobody after. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  const bins: TimelineBin[] = Array.from({ length: 10 }, (_, t) => ({
    t,
    female: t < 3,
    male: t >= 2 && t < 6,
    unknown: false,
  }));
  const time = (seconds: number) => ({ seconds, share: seconds / 10, personSeconds: seconds, sizeWeightedSeconds: seconds / 2 });
  return {
    schemaVersion: 1,
    generatedAt: '2025-01-01T00:00:00Z',
    video: { duration: 10, width: 640, height: 360, source: 'clip.mp4', title: 'Clip' },
    sampling: { fps: 2, samples: 20, cuts: 1 },
    screenTime: { female: time(3), male: time(4), unknown: time(0) },
    femaleShareOfGendered: 3 / 7,
    femaleShareRange: { low: 0.27, high: 0.34 },
    people: { female: 1, male: 2, unknown: 0, untagged: 1 },
    coPresence: { womenOnly: 2, menOnly: 3, both: 1, neither: 4 },
    timeline: { binSeconds: 1, bins },
    persons: [],
    quality: {
      facesDetected: 40, facesTooSmall: 2, facesLowQuality: 1, facesNotFace: 0,
      clustersTaggedByPerson: 3, clustersAcceptedSuggestion: 0, clustersUntagged: 1, clustersNotFace: 0, clustersMayBeTwoPeople: 0,
    },
    definitions: { 'screenTime.female.share': 'Seconds with a woman visible, over the duration.' },
    charts: { share: 'charts/share.png', timeline: 'charts/timeline.png', persons: 'charts/persons.png' },
    ...overrides,
  };
}
