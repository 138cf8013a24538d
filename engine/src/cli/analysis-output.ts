/** What `analyze` says when it is done, and its `--auto` path: accept the suggestions and write the report. */
import { join, relative } from 'node:path';
import type { Analysis } from '../../../shared/src/analysis.js';
import { DOUBT_TEXT } from '../../../shared/src/format/doubt.js';
import { editFolder, writeFolderReport } from '../services/analysis-folder.service.js';
import { currentUser } from './current-user.js';

export function summarizeAnalysis(analysis: Analysis, dir: string, isAutoTagged = false): string[] {
  const shown = relative(process.cwd(), dir) || '.';
  const { clusters, faces, setAside } = analysis;
  const aside = setAside.tooSmall + setAside.lowQuality + setAside.notFace;
  const lines = [
    `Found ${clusters.length} ${clusters.length === 1 ? 'person' : 'people'} in ${faces.length} faces over ${analysis.video.duration.toFixed(1)} s (${aside} faces set aside: ${setAside.tooSmall} too small, ${setAside.lowQuality} too blurred, ${setAside.notFace} not faces).`,
    ...describeSpeech(analysis),
    `Analysis: ${join(shown, 'analysis.json')}; thumbnails in ${join(shown, 'thumbnails')}/`,
  ];
  if (clusters.length > 0 && isAutoTagged) {
    lines.push(`The suggested genders were accepted unchecked. Look at the thumbnails, correct with \`npx onscreen tag ${shown} <person>=<female|male|unknown|not-face>\`, then \`npx onscreen report ${shown}\`.`);
  } else if (clusters.length > 0) {
    const example = clusters.slice(0, 2).map((c) => `${c.id}=${c.suggestion?.gender ?? 'unknown'}`).join(' ');
    lines.push(`Next: look at the thumbnails, then tag each person, e.g. \`npx onscreen tag ${shown} ${example}\`, and run \`npx onscreen report ${shown}\`.`);
  }
  for (const cluster of clusters) {
    if (!cluster.doubt) continue;
    const split = `npx onscreen split ${shown} ${cluster.id} ${cluster.doubt.groups[1].join(' ')}`;
    lines.push(`Person ${cluster.id} (${join(shown, cluster.thumbnail)}): ${DOUBT_TEXT.title} ${DOUBT_TEXT.explain} If so: \`${split}\`.`);
  }
  return lines;
}

/** "No speech found", said plainly; nothing for analyses made before speech was measured. */
function describeSpeech(analysis: Analysis): string[] {
  const { sound, speech = [] } = analysis;
  if (!sound) return [];
  if (sound.status === 'none') return ['No sound track: no speech to measure (the screen-time figures stand).'];
  if (sound.status === 'no-speech') return ['No speech found in the sound (the screen-time figures stand).'];
  const seen = speech.filter((s) => s.person !== null).reduce((sum, s) => sum + (s.end - s.start), 0);
  return [`Speech: ${sound.speechSeconds.toFixed(1)} s found; ${seen.toFixed(1)} s of it from a person seen speaking, the rest from nobody seen (off screen, or not told apart).`];
}

/** Records "accept every suggestion" as the current user and writes the report files; returns the HTML report's path. */
export async function acceptSuggestionsAndReport(dir: string): Promise<string> {
  await editFolder(dir, [{ kind: 'accept-suggestions' }], currentUser());
  await writeFolderReport(dir);
  return join(dir, 'report.html');
}
