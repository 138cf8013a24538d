/**
 * Where the page can play a job's video ("show me" a person in context). YouTube videos play in
 * YouTube's embed and direct links from where they are: onscreen keeps no copy of them. An
 * uploaded video is kept beside its job (the only copy the user gave), only as long as the job
 * can be tagged: deleting the job, by hand or by retention, deletes it (see engine/README.md).
 */
import type { Job, VideoSource } from '../../../shared/src/api/types.js';

export interface JobVideoDeps {
  findUpload(jobId: string): Promise<string | null>;
  /** A relative, signed, expiring link to the upload, and when it expires. */
  signUpload(jobId: string, filename: string): { url: string; expiresAt: string };
}

export async function videoSourceOf(job: Job, deps: JobVideoDeps): Promise<VideoSource> {
  const { source } = job;
  if (source.kind === 'youtube' && source.videoId) return { kind: 'youtube', videoId: source.videoId };
  if (source.kind === 'url') return { kind: 'url', url: source.label };
  if (source.kind === 'upload' && (await deps.findUpload(job.id))) return { kind: 'file', ...deps.signUpload(job.id, source.label) };
  return { kind: 'none', reason: 'The uploaded video is no longer kept (this job was analysed before videos were kept for checking).' };
}
