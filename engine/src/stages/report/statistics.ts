/** The report's figures from the analysis and the people as tagged. */
import type { Analysis, PersonView } from '../../../../shared/src/analysis.js';
import type { CoPresence, PersonStat, Report, ScreenTime } from '../../../../shared/src/report.js';
import type { AnalysisIndex } from './analysis-index.js';
import { groupOf, isAnyVisible, presenceByGroup } from './group-presence.js';
import { cutsBetweenSamples } from './sample-intervals.js';
import { samplingUncertainty, secondsVisible, unsampledSeconds, weightedSeconds } from './screen-time.js';
import { timelineBins } from './timeline.js';

export type Statistics = Pick<
  Report,
  'screenTime' | 'femaleShareOfGendered' | 'femaleShareRange' | 'people' | 'coPresence' | 'timeline' | 'persons' | 'quality'
>;

export function computeStatistics(analysis: Analysis, index: AnalysisIndex, persons: readonly PersonView[]): Statistics {
  const { duration } = analysis.video;
  const { times } = analysis.sampling;
  const presence = presenceByGroup(analysis, index, persons);
  const seen = {
    female: isAnyVisible(presence, ['female']),
    male: isAnyVisible(presence, ['male']),
    unknown: isAnyVisible(presence, ['unknown']),
  };
  const screenTime = {
    female: screenTimeOf('female', seen.female),
    male: screenTimeOf('male', seen.male),
    unknown: screenTimeOf('unknown', seen.unknown),
  };
  const gendered = screenTime.female.seconds + screenTime.male.seconds;
  return {
    screenTime,
    femaleShareOfGendered: gendered > 0 ? screenTime.female.seconds / gendered : null,
    femaleShareRange: shareRange(),
    people: countPeople(persons),
    coPresence: coPresenceOf(),
    timeline: timelineBins(duration, times, index.intervals, seen),
    persons: personStats(persons, duration),
    quality: qualityOf(analysis, persons),
  };

  function screenTimeOf(group: 'female' | 'male' | 'unknown', visible: boolean[]): ScreenTime {
    const seconds = secondsVisible(index.intervals, visible);
    return {
      seconds,
      share: shareOf(seconds, duration),
      personSeconds: persons.filter((p) => groupOf(p) === group).reduce((sum, p) => sum + p.seconds, 0),
      sizeWeightedSeconds: weightedSeconds(index.intervals, presence[group]),
    };
  }

  function shareRange(): Report['femaleShareRange'] {
    const hasCutAfter = cutsBetweenSamples(times, analysis.sampling.cuts);
    const low = screenTime.female.seconds - samplingUncertainty(times, hasCutAfter, seen.female);
    const maybe = isAnyVisible(presence, ['female', 'unknown', 'untagged']);
    const high = secondsVisible(index.intervals, maybe) + samplingUncertainty(times, hasCutAfter, maybe) + unsampledSeconds(index.intervals, duration);
    return { low: shareOf(Math.max(0, low), duration), high: shareOf(Math.min(duration, high), duration) };
  }

  function coPresenceOf(): CoPresence {
    const where = (test: (s: number) => boolean): number => secondsVisible(index.intervals, times.map((_, s) => test(s)));
    const womenOnly = where((s) => Boolean(seen.female[s]) && !seen.male[s]);
    const menOnly = where((s) => !seen.female[s] && Boolean(seen.male[s]));
    const both = where((s) => Boolean(seen.female[s]) && Boolean(seen.male[s]));
    const anyone = where((s) => Boolean(seen.female[s] || seen.male[s] || seen.unknown[s]));
    return { womenOnly, menOnly, both, neither: Math.max(0, duration - womenOnly - menOnly - both), nobody: Math.max(0, duration - anyone) };
  }
}

function shareOf(seconds: number, duration: number): number {
  return duration > 0 ? Math.min(1, Math.max(0, seconds / duration)) : 0;
}

function countPeople(persons: readonly PersonView[]): Report['people'] {
  const people = { female: 0, male: 0, unknown: 0, untagged: 0 };
  for (const person of persons) {
    const group = groupOf(person);
    if (group) people[group] += 1;
  }
  return people;
}

function personStats(persons: readonly PersonView[], duration: number): PersonStat[] {
  return persons
    .filter((p) => p.tag !== 'not-face')
    .map((p) => ({
      id: p.id, tag: p.tag as PersonStat['tag'], seconds: p.seconds, share: shareOf(p.seconds, duration), faces: p.faces, thumbnail: p.thumbnail, tagOrigin: p.tagOrigin, name: p.name,
      ...(p.speakingSeconds === undefined ? {} : { speakingSeconds: p.speakingSeconds }),
    }))
    .sort((a, b) => b.seconds - a.seconds || a.id - b.id);
}

function qualityOf(analysis: Analysis, persons: readonly PersonView[]): Report['quality'] {
  const count = (test: (p: PersonView) => boolean): number => persons.filter(test).length;
  return {
    facesDetected: analysis.faces.length,
    facesTooSmall: analysis.setAside.tooSmall,
    facesLowQuality: analysis.setAside.lowQuality,
    facesNotFace: analysis.setAside.notFace,
    clustersTaggedByPerson: count((p) => p.tagOrigin === 'person' && p.tag !== 'not-face'),
    clustersAcceptedSuggestion: count((p) => p.tagOrigin === 'suggestion' && p.tag !== 'not-face'),
    clustersRecognised: count((p) => p.tagOrigin === 'library' && p.tag !== 'not-face'),
    clustersUntagged: count((p) => p.tag === null),
    clustersNotFace: count((p) => p.tag === 'not-face'),
    clustersMayBeTwoPeople: count((p) => p.doubt !== undefined && p.tag !== 'not-face'),
  };
}
