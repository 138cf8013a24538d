/**
 * A person's one square face: the thumbnail of the track whose best face has the highest
 * quality. Slack and other small surfaces show it where the 6-face strip would be too wide. Pure.
 */
import type { Analysis } from '../../../../shared/src/analysis.js';

/** The relative path of the best track's face JPEG among `trackIds`, or null when none has one. */
export function bestFaceThumbnail(analysis: Pick<Analysis, 'faces' | 'tracks'>, trackIds: readonly number[]): string | null {
  const quality = (faceId: number): number => analysis.faces[faceId]?.quality ?? -1;
  let best: Analysis['tracks'][number] | null = null;
  for (const id of trackIds) {
    const track = analysis.tracks[id];
    if (!track?.thumbnail || track.id !== id) continue;
    if (!best || quality(track.bestFace) > quality(best.bestFace)) best = track;
  }
  return best?.thumbnail ?? null;
}
