/** The real doors of the source stage: the file system, the downloader and YouTube. */
import { stat } from 'node:fs/promises';
import type { SourceDoors } from '../stages/source/resolve-source.js';
import { downloadFile } from './http-fetch.adapter.js';
import { downloadYouTube } from './youtube.adapter.js';

export const sourceDoors: SourceDoors = {
  async inspectPath(path) {
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    return info.isFile() ? { size: info.size } : 'not-file';
  },
  downloadFile,
  downloadYouTube,
};
