/**
 * One analysis, summed up for collections: what a report across videos needs and nothing more
 * (no faces, no boxes, no embeddings). Stored as a job finishes, so a collection report over
 * a thousand videos reads a thousand small records, not a thousand analysis folders.
 */
import type { DateSource, VideoPerson, VideoSummary } from '../../../../shared/src/collection.js';
import { GROUPS, type Report } from '../../../../shared/src/report.js';

export interface SummaryInput {
  id: string;
  report: Report;
  date: string;
  dateSource: DateSource;
  /** Names and library identities of the report's people, by person id, where known. */
  identities?: ReadonlyMap<number, { name: string | null; libraryPerson: string | null }>;
  /** People whose tag came from the people library (counted apart from tags given here). */
  fromLibrary?: number;
}

export function summarizeVideo(input: SummaryInput): VideoSummary {
  const { report } = input;
  const screenTime = Object.fromEntries(GROUPS.map((g) => [g, { seconds: report.screenTime[g].seconds, share: report.screenTime[g].share }])) as VideoSummary['screenTime'];
  const fromLibrary = input.fromLibrary ?? 0;
  const persons: VideoPerson[] = report.persons.map((p) => {
    const identity = input.identities?.get(p.id);
    return { id: p.id, tag: p.tag, seconds: p.seconds, name: identity?.name ?? null, libraryPerson: identity?.libraryPerson ?? null };
  });
  return {
    id: input.id,
    title: report.video.title,
    source: report.video.source,
    date: input.date,
    dateSource: input.dateSource,
    duration: report.video.duration,
    screenTime,
    femaleShareRange: { ...report.femaleShareRange },
    people: { ...report.people },
    tagging: {
      byPerson: Math.max(0, report.quality.clustersTaggedByPerson - fromLibrary),
      fromLibrary,
      acceptedSuggestion: report.quality.clustersAcceptedSuggestion,
      untagged: report.quality.clustersUntagged,
    },
    persons,
  };
}
