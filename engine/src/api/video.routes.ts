/** Where the page plays a job's video: YouTube's embed, the original link, or the kept upload (a signed link). */
import { videoSourceOf } from '../services/job-video.js';
import type { ApiContext } from './context.js';
import type { AnyRoute } from './router.js';
import { PARAMS } from './schemas.js';

export function videoRoutes(context: ApiContext): AnyRoute[] {
  const signUpload = (jobId: string, filename: string) => {
    const url = context.uploadLinks.sign('', jobId, filename);
    const expires = Number(new URL(url, 'http://onscreen.invalid').searchParams.get('expires'));
    return { url, expiresAt: new Date(expires * 1000).toISOString() };
  };
  return [
    {
      method: 'GET', path: '/api/v1/jobs/:id/video', access: 'token', tag: 'jobs',
      summary: "Where to play the job's video to check a face in context: YouTube's embed, the original link, or the upload (a signed link that expires).",
      params: { id: PARAMS.id }, responses: { 200: { description: 'VideoSource', schema: 'VideoSource' } },
      handle: async ({ params }) => ({ status: 200, json: await videoSourceOf(context.jobs.get(params.id!), { findUpload: context.findUpload, signUpload }) }),
    },
  ];
}
