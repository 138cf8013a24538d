import type { CropStore } from '../../adapters/crop-store.adapter.js';
import { encodeContactSheet, encodeFaceJpeg } from '../../adapters/thumbnail.adapter.js';
import type { People } from '../../stages/people/build-people.js';

/** Each track's best face, and each cluster's contact sheet, as JPEGs keyed by their relative paths. */
export async function renderThumbnails(people: People, crops: CropStore): Promise<Map<string, Buffer>> {
  const thumbnails = new Map<string, Buffer>();
  for (const track of people.tracks) {
    const crop = crops.get(track.bestFace);
    if (crop) thumbnails.set(track.thumbnail, encodeFaceJpeg(crop, crops.size));
  }
  people.clusters.forEach((cluster, k) => {
    const sheet = (people.sheetFaces[k] ?? []).map((f) => crops.get(f)).filter((c): c is Uint8Array => c !== null);
    if (sheet.length > 0) thumbnails.set(cluster.thumbnail, encodeContactSheet(sheet, crops.size, people.sheetSplits[k] ?? undefined));
  });
  return thumbnails;
}
