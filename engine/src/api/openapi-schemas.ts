/** Response shapes of shared/src/api/types.ts and shared/src/report.ts, as JSON Schema for the OpenAPI document. */
import { jobOptionsJsonSchema } from '../contracts/job-options.js';

const str = { type: 'string' };
const num = { type: 'number' };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const COMPONENT_SCHEMAS: Record<string, unknown> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: ref('ErrorCode'), message: str, hint: str } } },
  },
  Health: { type: 'object', properties: { ok: { const: true }, version: str } },
  Job: {
    type: 'object',
    required: ['id', 'status', 'progress', 'source', 'options', 'createdAt', 'updatedAt', 'pageUrl'],
    properties: {
      id: { type: 'string', pattern: '^[0-9a-f]{20}$' },
      status: { enum: ['queued', 'running', 'tagging', 'done', 'failed'] },
      progress: {
        type: 'object',
        properties: {
          stage: { enum: ['queued', 'source', 'frames', 'faces', 'tracks', 'people', 'report', 'done'] },
          percent: num,
          etaSeconds: nullable(num),
          message: str,
        },
      },
      source: { type: 'object', properties: { kind: { enum: ['url', 'youtube', 'upload'] }, label: str, videoId: nullable(str) } },
      title: nullable(str),
      options: jobOptionsJsonSchema(['fps']),
      requester: nullable(str),
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      error: nullable({ type: 'object', properties: { code: str, message: str, hint: str } }),
      people: nullable({ type: 'integer' }),
      duration: nullable(num),
      pageUrl: str,
      reused: { type: 'boolean' },
    },
  },
  JobList: { type: 'object', properties: { jobs: { type: 'array', items: ref('Job') } } },
  PersonView: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      tracks: { type: 'array', items: { type: 'integer' } },
      faces: { type: 'integer' },
      seconds: num,
      suggestion: nullable({ type: 'object', properties: { gender: { enum: ['female', 'male'] }, confidence: num } }),
      tag: nullable({ enum: ['female', 'male', 'unknown', 'not-face'] }),
      tagOrigin: nullable({ enum: ['person', 'suggestion', 'library'] }),
      taggedBy: { ...nullable(str), description: 'The client (API token name) that set the tag.' },
      taggedOnBehalfOf: { ...nullable(str), description: 'The person the client acted for, if it said.' },
      taggedAt: nullable(str),
      thumbnail: str,
      showAt: num,
      sourceClusters: { type: 'array', items: { type: 'integer' } },
      name: nullable(str),
      known: nullable({ type: 'object', properties: { person: str, name: nullable(str), gender: { enum: ['female', 'male', 'unknown'] }, similarity: num, taggedBy: str, taggedOnBehalfOf: nullable(str), videos: { type: 'integer' } } }),
      doubt: {
        type: 'object',
        description: '"Check: may be two people": two groups of tracks that look less alike than one person usually does.',
        properties: {
          reason: { enum: ['two-groups'] },
          groups: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'array', items: { type: 'integer' } } },
          similarity: num,
        },
      },
    },
  },
  PeopleResponse: {
    type: 'object',
    properties: {
      jobId: str, people: { type: 'array', items: ref('PersonView') }, thumbnailUrl: str, isComplete: { type: 'boolean' }, revision: { type: 'integer' },
      undo: { oneOf: [ref('EditSummary'), { type: 'null' }] }, redo: { oneOf: [ref('EditSummary'), { type: 'null' }] },
      voices: { type: 'array', items: ref('VoiceView'), description: 'The voices heard (absent for a job analysed before speech was measured).' }, voiceSampleUrl: str,
      speech: { type: 'array', items: ref('SpeechSpan'), description: 'Who speaks when, after corrections, in time order (absent like voices).' },
    },
  },
  SpeechSpan: {
    type: 'object',
    description: 'A stretch of speech: the person seen speaking (null: off screen) and the voice heard (null: too short to tell).',
    properties: { start: num, end: num, person: nullable({ type: 'integer' }), voice: nullable(str) },
  },
  VoiceView: {
    type: 'object',
    description: 'A voice: its seconds, the person seen speaking with it, a weak suggestion from pitch (pitch alone misleads), its tag and what it counts as.',
    properties: {
      id: str, seconds: num, person: nullable({ type: 'integer' }), pitchHz: nullable(num), firstAt: num, sample: nullable(str),
      suggestion: nullable({ type: 'object', description: "'not-speech' for a music-like sound (held notes); a weak cue like pitch", properties: { gender: { enum: ['female', 'male', 'not-speech'] }, confidence: num } }),
      tag: nullable({ enum: ['female', 'male', 'unknown', 'not-speech'] }), taggedBy: nullable(str), taggedOnBehalfOf: nullable(str), taggedAt: nullable(str),
      counts: nullable({ enum: ['female', 'male', 'unknown', 'not-speech'] }), countsFrom: nullable({ enum: ['voice', 'person'] }),
    },
  },
  VideoSource: {
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: ['youtube', 'url', 'file', 'none'] }, videoId: str, url: str, expiresAt: { type: 'string', format: 'date-time' }, reason: str },
  },
  EditSummary: {
    type: 'object',
    required: ['kind', 'by', 'at', 'label'],
    properties: { kind: { enum: ['tag', 'merge', 'split', 'accept-suggestions', 'name', 'not-known', 'tag-voice', 'speaker'] }, by: str, at: { type: 'string', format: 'date-time' }, label: str },
  },
  Edit: {
    type: 'object',
    required: ['kind', 'by', 'at'],
    properties: {
      kind: { enum: ['tag', 'merge', 'split', 'accept-suggestions', 'name', 'not-known', 'tag-voice', 'speaker', 'undo', 'redo'] },
      by: { type: 'string', description: 'The client: the API token name (set by the server).' },
      onBehalfOf: { type: 'string', maxLength: 80, description: 'The person the client acted for, if it said.' },
      at: { type: 'string', format: 'date-time' },
    },
    additionalProperties: true,
  },
  ShareLink: {
    type: 'object',
    required: ['id', 'url', 'resource', 'createdBy', 'createdAt', 'expiresAt', 'revokedAt'],
    properties: {
      id: str,
      url: { type: 'string', description: 'Relative to the engine: /share/<id>.<signature>' },
      resource: { type: 'object', properties: { kind: { enum: ['job', 'collection'] }, id: str } },
      createdBy: str,
      createdAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: 'string', format: 'date-time' },
      revokedAt: nullable({ type: 'string', format: 'date-time' }),
    },
  },
  ShareLinkList: { type: 'object', properties: { links: { type: 'array', items: ref('ShareLink') } } },
  Workspace: { type: 'object', properties: { id: str, createdAt: str, tokens: { type: 'integer' }, jobs: { type: 'integer' } } },
  WorkspaceDeleted: { type: 'object', properties: { id: str, jobs: { type: 'integer' }, collections: { type: 'integer' }, tokens: { type: 'integer' } } },
  WorkspaceList: { type: 'object', properties: { workspaces: { type: 'array', items: ref('Workspace') } } },
  TokenInfo: {
    type: 'object',
    properties: { name: str, workspaceId: str, isAdmin: { type: 'boolean' }, createdAt: str, lastUsedAt: nullable(str), revokedAt: nullable(str) },
  },
  TokenList: { type: 'object', properties: { tokens: { type: 'array', items: ref('TokenInfo') } } },
  NewToken: { type: 'object', properties: { token: { type: 'string', description: 'Shown only in this answer.' }, info: ref('TokenInfo') } },
  LibraryPerson: {
    type: 'object',
    properties: {
      id: str, name: nullable(str), gender: { enum: ['female', 'male', 'unknown'] }, taggedBy: { ...str, description: 'The client (API token name) that gave the tag.' }, taggedOnBehalfOf: { ...nullable(str), description: 'The person it acted for, if it said.' }, exemplars: { type: 'integer' },
      seenIn: { type: 'array', items: { type: 'object', properties: { analysis: str, source: str, title: nullable(str), analysedAt: str, duration: num, seconds: num, clusters: { type: 'array', items: { type: 'integer' } } } } },
      createdBy: str, createdAt: str, updatedBy: str, updatedAt: str,
    },
  },
  Library: { type: 'object', properties: { people: { type: 'array', items: ref('LibraryPerson') } } },
  LibraryChanges: { type: 'object', properties: { added: { type: 'array', items: ref('LibraryPerson') }, updated: { type: 'array', items: ref('LibraryPerson') } } },
  History: { type: 'object', properties: { edits: { type: 'array', items: ref('Edit') } } },
  Report: {
    type: 'object',
    description: 'shared/src/report.ts: screen time by group, shares, co-presence, timeline, persons, quality and the definition of every figure.',
    properties: {
      schemaVersion: { type: 'integer' },
      screenTime: { type: 'object' },
      femaleShareOfGendered: nullable(num),
      femaleShareRange: { type: 'object', properties: { low: num, high: num } },
      people: { type: 'object' },
      coPresence: { type: 'object' },
      timeline: { type: 'object' },
      persons: { type: 'array' },
      quality: { type: 'object' },
      definitions: { type: 'object', additionalProperties: str },
    },
    additionalProperties: true,
  },
  LinkCheck: {
    type: 'object',
    required: ['url', 'kind', 'isVideo', 'contentType', 'message'],
    properties: {
      url: str,
      kind: { enum: ['youtube', 'media', 'page', 'stream', 'audio', 'image', 'other'] },
      isVideo: { type: 'boolean' },
      contentType: { type: ['string', 'null'] },
      message: str,
    },
  },
  Collection: {
    type: 'object',
    properties: {
      id: str, name: str, createdBy: nullable(str), createdAt: { type: 'string', format: 'date-time' }, source: nullable(str),
      skipped: { type: 'array', items: { type: 'object', properties: { videoId: str, title: nullable(str), reason: str } } },
      jobIds: { type: 'array', items: str }, reportUrl: str, pageUrl: str, key: nullable(str),
    },
  },
  ChannelTotals: {
    type: 'object',
    description: "A YouTube channel's analysed videos so far: `channel` { id, handle, name }, `videos`, `total` (a collection report's total, or null), `collection` (the engine's collection of the channel, or null).",
    properties: {
      channel: { type: 'object', properties: { id: nullable(str), handle: nullable(str), name: nullable(str) } },
      videos: { type: 'integer' },
      total: { type: ['object', 'null'] },
      collection: { oneOf: [ref('Collection'), { type: 'null' }] },
    },
  },
  CollectionFromList: { type: 'object', properties: { collection: ref('Collection'), jobs: { type: 'array', items: ref('Job') } } },
  CollectionList: { type: 'object', properties: { collections: { type: 'array', items: ref('Collection') } } },
  CollectionReport: {
    type: 'object',
    description: 'shared/src/collection.ts: videos in date order, totals summed over the videos, people counted once across videos, periods, and the definition of every figure.',
    properties: {
      schemaVersion: { type: 'integer' },
      name: str,
      videos: { type: 'array' },
      total: { type: 'object' },
      people: { type: 'array' },
      periods: { type: 'array' },
      definitions: { type: 'object', additionalProperties: str },
    },
    additionalProperties: true,
  },
  ServiceStatus: {
    type: 'object',
    properties: {
      version: str,
      queue: {
        type: 'object',
        properties: { mode: { enum: ['in-process', 'redis'] }, waiting: { type: 'integer' }, active: { type: 'integer' }, failed: { type: 'integer' }, workers: { type: 'integer' } },
      },
      jobs: { type: 'object', properties: { total: { type: 'integer' } } },
    },
  },
};
