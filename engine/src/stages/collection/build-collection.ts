/**
 * collection.json from the summaries of its videos: pure, so the same figures come out of the
 * command line, the API and the benchmark. Seconds are summed over the videos; shares are taken
 * over the summed duration (a long video weighs more than a short one, as it does for a viewer).
 */
import {
  COLLECTION_SCHEMA_VERSION,
  type CollectionPeriod,
  type CollectionPerson,
  type CollectionReport,
  type DateSource,
  type GroupTime,
  type VideoSummary,
} from '../../../../shared/src/collection.js';
import { GROUPS, type Group } from '../../../../shared/src/report.js';
import { COLLECTION_DEFINITIONS } from './collection-definitions.js';
import { periodOf, type PeriodKind } from './periods.js';

export interface CollectionInput {
  name: string;
  periodKind: PeriodKind;
  videos: readonly VideoSummary[];
  now: Date;
  pending?: CollectionReport['pending'];
  skipped?: CollectionReport['skipped'];
}

export function buildCollection(input: CollectionInput): CollectionReport {
  const videos = [...input.videos].sort((a, b) => a.date.localeCompare(b.date) || (a.title ?? a.source).localeCompare(b.title ?? b.source));
  const people = mergePeople(videos);
  const duration = sum(videos.map((v) => v.duration));
  const screenTime = sumScreenTime(videos, duration);
  const gendered = screenTime.female.seconds + screenTime.male.seconds;
  const weighted = (pick: (v: VideoSummary) => number) => (duration > 0 ? sum(videos.map((v) => pick(v) * v.duration)) / duration : 0);
  const dateSources: Partial<Record<DateSource, number>> = {};
  for (const video of videos) dateSources[video.dateSource] = (dateSources[video.dateSource] ?? 0) + 1;
  return {
    schemaVersion: COLLECTION_SCHEMA_VERSION,
    generatedAt: input.now.toISOString(),
    name: input.name,
    periodKind: input.periodKind,
    videos,
    total: {
      videos: videos.length,
      duration,
      screenTime,
      femaleShareOfGendered: gendered > 0 ? screenTime.female.seconds / gendered : null,
      femaleShareRange: { low: weighted((v) => v.femaleShareRange.low), high: weighted((v) => v.femaleShareRange.high) },
      people: {
        female: people.filter((p) => p.gender === 'female').length,
        male: people.filter((p) => p.gender === 'male').length,
        unknown: people.filter((p) => p.gender === 'unknown').length,
        untagged: people.filter((p) => p.gender === null).length,
      },
      tagging: {
        byPerson: sum(videos.map((v) => v.tagging.byPerson)),
        fromLibrary: sum(videos.map((v) => v.tagging.fromLibrary)),
        acceptedSuggestion: sum(videos.map((v) => v.tagging.acceptedSuggestion)),
        untagged: sum(videos.map((v) => v.tagging.untagged)),
      },
    },
    people,
    periods: buildPeriods(videos, input.periodKind),
    pending: [...(input.pending ?? [])],
    skipped: [...(input.skipped ?? [])],
    dateSources,
    definitions: { ...COLLECTION_DEFINITIONS },
  };
}

/** The key that makes one person of appearances in several videos: the library's id, else a name a person gave. */
export function personKey(video: VideoSummary, person: VideoSummary['persons'][number]): string {
  return personKeys(video, person)[0]!;
}

/**
 * Every key a person is known by: the library's id and a name a person gave. Appearances that share
 * any key are one person, so someone named in the video the library learnt them from and recognised
 * by the library in the next counts once.
 */
function personKeys(video: VideoSummary, person: VideoSummary['persons'][number]): string[] {
  const name = person.name?.trim().toLowerCase();
  const keys = [...(person.libraryPerson ? [`library:${person.libraryPerson}`] : []), ...(name ? [`name:${name}`] : [])];
  return keys.length > 0 ? keys : [`${video.id}#${person.id}`];
}

type Entry = CollectionPerson & { keys: string[]; secondsByTag: Map<string, number> };

function mergePeople(videos: readonly VideoSummary[]): CollectionPerson[] {
  const byKey = new Map<string, Entry>();
  for (const video of videos) {
    for (const person of video.persons) {
      const keys = personKeys(video, person);
      const found = [...new Set(keys.flatMap((key) => byKey.get(key) ?? []))];
      const entry: Entry = found[0] ?? { key: keys[0]!, keys: [], name: person.name, gender: person.tag, seconds: 0, videos: [], secondsByTag: new Map() };
      for (const other of found.slice(1)) absorb(entry, other);
      for (const key of [...keys, ...found.flatMap((e) => e.keys)]) {
        if (!entry.keys.includes(key)) entry.keys.push(key);
        byKey.set(key, entry);
      }
      // A library id is the steadiest key: names get corrected.
      entry.key = entry.keys.find((key) => key.startsWith('library:')) ?? entry.keys[0]!;
      entry.seconds += person.seconds;
      if (person.name) entry.name = person.name; // the newest name given wins: names get corrected
      if (!entry.videos.includes(video.id)) entry.videos.push(video.id);
      const tag = person.tag ?? 'untagged';
      entry.secondsByTag.set(tag, (entry.secondsByTag.get(tag) ?? 0) + person.seconds);
    }
  }
  return [...new Set(byKey.values())]
    .map(({ secondsByTag, keys: _keys, ...person }) => ({ ...person, gender: mainTag(secondsByTag) }))
    .sort((a, b) => b.seconds - a.seconds || a.key.localeCompare(b.key));
}

/** Two entries found to be one person (a later video linked their keys). */
function absorb(into: Entry, from: Entry): void {
  into.seconds += from.seconds;
  if (!into.name) into.name = from.name;
  for (const video of from.videos) if (!into.videos.includes(video)) into.videos.push(video);
  for (const [tag, seconds] of from.secondsByTag) into.secondsByTag.set(tag, (into.secondsByTag.get(tag) ?? 0) + seconds);
}

/** A person tagged differently in different videos takes the tag of most of their screen time. */
function mainTag(secondsByTag: Map<string, number>): CollectionPerson['gender'] {
  let best: [string, number] = ['untagged', -1];
  for (const entry of secondsByTag) if (entry[1] > best[1]) best = entry;
  return best[0] === 'untagged' ? null : (best[0] as Group);
}

function buildPeriods(videos: readonly VideoSummary[], kind: PeriodKind): CollectionPeriod[] {
  const groups = new Map<string, { from: string; to: string; videos: VideoSummary[] }>();
  for (const video of videos) {
    const period = periodOf(video.date, kind);
    const group = groups.get(period.key) ?? { from: period.from, to: period.to, videos: [] };
    group.videos.push(video);
    groups.set(period.key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, group]) => {
      const duration = sum(group.videos.map((v) => v.duration));
      return { period, from: group.from, to: group.to, videos: group.videos.length, duration, screenTime: sumScreenTime(group.videos, duration) };
    });
}

function sumScreenTime(videos: readonly VideoSummary[], duration: number): Record<Group, GroupTime> {
  const result = {} as Record<Group, GroupTime>;
  for (const group of GROUPS) {
    const seconds = sum(videos.map((v) => v.screenTime[group].seconds));
    result[group] = { seconds, share: duration > 0 ? seconds / duration : 0 };
  }
  return result;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
