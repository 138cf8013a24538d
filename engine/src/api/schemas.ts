/** Request schemas of the API (shared/src/api/types.ts as zod), and the path parameters. */
import { z } from 'zod';
import { checkOnBehalfOf } from '../../../shared/src/actor.js';
import { TAGS, type Tag, VOICE_TAGS, type VoiceTag } from '../../../shared/src/analysis.js';
import { OnscreenError } from '../../../shared/src/errors.js';
import { NAME_PATTERN } from '../services/caller.js';
import { JOB_ID_PATTERN } from '../contracts/job-id.js';
import { JOB_OPTION_QUERY_FIELDS, jobOptionsSchema } from '../contracts/job-options.js';
import type { ParamSpec } from './router.js';

/** A person a client acts for (or a requester label): short plain text, see shared/src/actor.ts. */
const onBehalfOf = z.string().trim().superRefine((text, ctx) => {
  const why = checkOnBehalfOf(text);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});
/** Who the edit is for; `by` is its older name. The client itself is the token, never a field. */
const forWhom = {
  onBehalfOf: onBehalfOf.optional().describe("The person the client acts for (80 characters at most: letters, digits, spaces, . _ - ' : @). The client itself is the token."),
  by: onBehalfOf.optional().describe('Deprecated: the older name of `onBehalfOf`, under the same rules.'),
};
const personId = z.number().int().min(0).max(999_999);

export const createJobSchema = z.strictObject({
  url: z.string().min(1).max(2048),
  options: jobOptionsSchema.pick({ fps: true }).optional(),
  force: z.boolean().optional(),
  requester: onBehalfOf.optional(),
});

export const checkLinkSchema = z.strictObject({ url: z.string().min(1).max(2048) });

/** `?follow=true`: keep the stream open past the job's rest, for a page that follows other people's edits. */
export const eventsQuerySchema = z.strictObject({ follow: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional() });

export const uploadQuerySchema = z.strictObject({
  filename: z.string().trim().min(1, 'the file name').max(255),
  ...JOB_OPTION_QUERY_FIELDS,
  force: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
  requester: onBehalfOf.optional(),
});

export const chartQuerySchema = z.strictObject({
  width: z.coerce.number().int().min(320, 'width: at least 320').max(1600, 'width: at most 1600').optional(),
});

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  requester: z.string().max(200).optional(),
});

export const signedQuerySchema = z.strictObject({ expires: z.string(), sig: z.string() });

export const tagSchema = z.strictObject({ person: personId, tag: z.enum(TAGS as unknown as [Tag, ...Tag[]]), ...forWhom });
export const mergeSchema = z.strictObject({ into: personId, from: personId, ...forWhom });
export const splitSchema = z.strictObject({ person: personId, tracks: z.array(z.number().int().min(0)).min(1).max(10_000).optional(), ...forWhom });
export const bySchema = z.strictObject(forWhom);
export const voiceTagSchema = z.strictObject({ voice: z.string().regex(/^v\d{1,6}$/, 'a voice id such as v2'), tag: z.enum(VOICE_TAGS as unknown as [VoiceTag, ...VoiceTag[]]), ...forWhom });
const seconds = z.number().finite().min(0).max(100 * 3600);
export const speakerSchema = z.strictObject({ start: seconds, end: seconds, person: personId.nullable(), ...forWhom }).refine((s) => s.end > s.start, 'the span must end after it starts');

/** The `X-Onscreen-On-Behalf-Of` header, checked as the body field is. */
export const onBehalfOfHeaderSchema = onBehalfOf;

export const shareLinkSchema = z.strictObject({ days: z.number().int().min(1).max(365).optional() });
export const createWorkspaceSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const createTokenSchema = z.strictObject({ name: z.string().min(1).max(64), workspace: z.string().min(1).max(64), admin: z.boolean().optional() });
export const tokenListQuerySchema = z.strictObject({ workspace: z.string().min(1).max(64).optional() });
// Names are checked once, by the edit rules (shared/src/library.ts): here only their type and a hard cap.
export const nameSchema = z.strictObject({ person: personId, name: z.string().max(10_000), ...forWhom });
export const personBySchema = z.strictObject({ person: personId, ...forWhom });
export const addToLibrarySchema = z.strictObject({ jobId: z.string().regex(JOB_ID_PATTERN, 'a job id'), ...forWhom });
export const renameSchema = z.strictObject({ name: z.string().max(10_000), ...forWhom });

/** A client's own key for a collection: `<kind>:<id>`, e.g. `slack-channel:T0123:C0456`. */
const COLLECTION_KEY = z.string().regex(/^[a-z][a-z0-9-]{0,39}:[A-Za-z0-9_.:@-]{1,200}$/, 'a key like slack-channel:T0123:C0456');
export const createCollectionSchema = z.strictObject({ name: z.string().trim().min(1, 'a name').max(200), key: COLLECTION_KEY.optional() });
export const collectionListQuerySchema = z.strictObject({ key: COLLECTION_KEY.optional() });
export const channelTotalsQuerySchema = z.strictObject({ id: z.string().max(100).optional(), handle: z.string().max(120).optional() });
export const collectionFromYouTubeSchema = z.strictObject({
  url: z.string().min(1).max(2048),
  name: z.string().trim().min(1).max(200).optional(),
  max: z.number().int().min(1).max(500).optional(),
});
export const collectionJobsSchema = z.strictObject({ jobIds: z.array(z.string().regex(JOB_ID_PATTERN, 'job ids are 20 hexadecimal characters')).min(1).max(1000) });
export const collectionReportQuerySchema = z.strictObject({
  period: z.enum(['month', 'week']).default('month'),
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'a day (YYYY-MM-DD) or a UTC time (…T…Z)').optional(),
});

export const CHART_NAMES = ['share', 'timeline', 'persons', 'heard', 'speaking'] as const;
export const COLLECTION_CHART_NAMES = ['videos', 'trend', 'people'] as const;

export const PARAMS = {
  id: {
    pattern: JOB_ID_PATTERN,
    description: 'Job id: 20 hexadecimal characters.',
    onMismatch: () => new OnscreenError('job_not_found', 'No such job: job ids are 20 hexadecimal characters.'),
  },
  lid: {
    pattern: /^p\d{1,9}$/,
    description: 'Library person id, e.g. p12.',
    onMismatch: () => new OnscreenError('library_person_unknown', 'No such person in the people library: ids look like p12.'),
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
  vid: {
    pattern: /^v\d{1,6}$/,
    description: 'Voice id, e.g. v2.',
    onMismatch: () => new OnscreenError('voice_unknown', 'No such voice: voice ids are v0, v1, …'),
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
  link: {
    // Loose here, exact in ShareLinksService.open, so that every bad link gets the same page.
    pattern: /^[\w.-]{1,200}$/,
    description: 'A share link: its id and signature.',
    onMismatch: () => new OnscreenError('forbidden', 'This share link is not valid.', { hint: 'Ask whoever shared it for a new link.' }),
  },
  linkId: {
    pattern: /^[A-Za-z0-9_-]{22}$/,
    description: "A share link's id.",
    onMismatch: () => new OnscreenError('not_found', 'No such share link in this workspace.'),
  },
  wid: {
    pattern: NAME_PATTERN,
    description: "A workspace's id.",
    onMismatch: () => new OnscreenError('not_found', 'No such workspace: workspace ids are 1 to 64 letters, digits, dots, dashes or underscores.'),
  },
  tokenName: {
    pattern: NAME_PATTERN,
    description: "A token's name.",
    onMismatch: () => new OnscreenError('not_found', 'No token by that name.'),
  },
  asset: {
    pattern: /^page\.(js|css)$/,
    description: 'page.js or page.css.',
    onMismatch: () => new OnscreenError('not_found', 'No such asset.'),
  },
} satisfies Record<string, ParamSpec>;

/**
 * A zod failure as one sentence naming each bad field. `input` is what was sent: zod does not keep
 * it in its issues, and a field of the wrong type is not a missing one ("voice": 0 is not missing).
 */
export function describeZodError(error: z.ZodError, what: string, input?: unknown): OnscreenError {
  const parts = error.issues.map((issue) => {
    if (issue.path.length === 0 && issue.code === 'custom') return issue.message;
    const field = issue.path.length > 0 ? issue.path.join('.') : what;
    if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return `"${field}" is missing`;
    if (issue.code === 'invalid_type') return `"${field}" should be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, not ${describeValue(valueAt(input, issue.path))}`;
    return `"${field}": ${issue.message}`;
  });
  return new OnscreenError('bad_request', `Bad ${what}: ${parts.join('; ')}.`);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'number') return String(value);
  return `a ${typeof value}`;
}
