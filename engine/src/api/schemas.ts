/** Request schemas of the API (shared/src/api/types.ts as zod), and the path parameters. */
import { z } from 'zod';
import { TAGS, type Tag } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { JOB_ID_PATTERN } from '../contracts/job-id.js';
import { JOB_OPTION_QUERY_FIELDS, jobOptionsSchema } from '../contracts/job-options.js';
import type { ParamSpec } from './router.js';

const by = z.string().trim().min(1, 'who made the edit').max(200);
const personId = z.number().int().min(0).max(999_999);

export const createJobSchema = z.strictObject({
  url: z.string().min(1).max(2048),
  options: jobOptionsSchema.pick({ fps: true }).optional(),
  force: z.boolean().optional(),
  requester: z.string().trim().max(200).optional(),
});

export const checkLinkSchema = z.strictObject({ url: z.string().min(1).max(2048) });

export const uploadQuerySchema = z.strictObject({
  filename: z.string().trim().min(1, 'the file name').max(255),
  ...JOB_OPTION_QUERY_FIELDS,
  force: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
  requester: z.string().trim().max(200).optional(),
});

export const chartQuerySchema = z.strictObject({
  width: z.coerce.number().int().min(320, 'width: at least 320').max(1600, 'width: at most 1600').optional(),
});

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  requester: z.string().max(200).optional(),
});

export const signedQuerySchema = z.strictObject({ expires: z.string(), sig: z.string() });

export const tagSchema = z.strictObject({ person: personId, tag: z.enum(TAGS as unknown as [Tag, ...Tag[]]), by });
export const mergeSchema = z.strictObject({ into: personId, from: personId, by });
export const splitSchema = z.strictObject({ person: personId, tracks: z.array(z.number().int().min(0)).min(1).max(10_000).optional(), by });
export const bySchema = z.strictObject({ by });

export const createCollectionSchema = z.strictObject({ name: z.string().trim().min(1, 'a name').max(200) });
export const collectionFromYouTubeSchema = z.strictObject({
  url: z.string().min(1).max(2048),
  name: z.string().trim().min(1).max(200).optional(),
  max: z.number().int().min(1).max(500).optional(),
});
export const collectionJobsSchema = z.strictObject({ jobIds: z.array(z.string().regex(JOB_ID_PATTERN, 'job ids are 20 hexadecimal characters')).min(1).max(1000) });
export const collectionReportQuerySchema = z.strictObject({ period: z.enum(['month', 'week']).default('month') });

export const CHART_NAMES = ['share', 'timeline', 'persons'] as const;
export const COLLECTION_CHART_NAMES = ['videos', 'trend', 'people'] as const;

export const PARAMS = {
  id: {
    pattern: JOB_ID_PATTERN,
    description: 'Job id: 20 hexadecimal characters.',
    onMismatch: () => new OnscreenError('job_not_found', 'No such job: job ids are 20 hexadecimal characters.'),
  },
  pid: {
    pattern: /^\d{1,6}$/,
    description: 'Person (cluster) id.',
    onMismatch: () => new OnscreenError('cluster_unknown', 'No such person: person ids are whole numbers.'),
  },
  tid: {
    pattern: /^\d{1,7}$/,
    description: 'Track id (a run of one face through a shot).',
    onMismatch: () => new OnscreenError('not_found', 'No such track: track ids are whole numbers.'),
  },
  cid: {
    pattern: JOB_ID_PATTERN,
    description: 'Collection id: 20 hexadecimal characters.',
    onMismatch: () => new OnscreenError('collection_not_found', 'No such collection: collection ids are 20 hexadecimal characters.'),
  },
  collectionChart: {
    pattern: new RegExp(`^(${COLLECTION_CHART_NAMES.join('|')})$`),
    description: `Chart name: ${COLLECTION_CHART_NAMES.join(', ')}.`,
    onMismatch: () => new OnscreenError('not_found', `No such chart; a collection's charts are ${COLLECTION_CHART_NAMES.join(', ')}.`),
  },
  chart: {
    pattern: new RegExp(`^(${CHART_NAMES.join('|')})$`),
    description: `Chart name: ${CHART_NAMES.join(', ')}.`,
    onMismatch: () => new OnscreenError('not_found', `No such chart; charts are ${CHART_NAMES.join(', ')}.`),
  },
  filename: {
    pattern: /^[\w.%-]{1,255}$/,
    description: 'The uploaded file name (informative).',
    onMismatch: () => new OnscreenError('not_found', 'No such upload.'),
  },
  asset: {
    pattern: /^page\.(js|css)$/,
    description: 'page.js or page.css.',
    onMismatch: () => new OnscreenError('not_found', 'No such asset.'),
  },
} satisfies Record<string, ParamSpec>;

/** A zod failure as one sentence naming each bad field. */
export function describeZodError(error: z.ZodError, what: string): OnscreenError {
  const parts = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : what;
    if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_type' && issue.input === undefined) return `"${field}" is missing`;
    return `"${field}": ${issue.message}`;
  });
  return new OnscreenError('bad_request', `Bad ${what}: ${parts.join('; ')}.`);
}
