/** Small hand-made inputs for the bot's pure code, and a walker that checks Block Kit's limits. */
import assert from 'node:assert/strict';
import type { PersonView } from '../../../shared/src/analysis.js';
import type { Job } from '../../../shared/src/api/types.js';
import type { Report } from '../../../shared/src/report.js';
import { LIMITS } from '../../../bot/src/blocks/limits.js';

export function makePerson(id: number, overrides: Partial<PersonView> = {}): PersonView {
  return {
    id,
    tracks: [id * 10, id * 10 + 1],
    faces: 4 + id,
    seconds: 100 - id,
    suggestion: id % 3 === 2 ? null : { gender: id % 2 === 0 ? 'female' : 'male', confidence: 0.6 + (id % 4) / 10 },
    tag: null,
    tagOrigin: null,
    taggedBy: null,
    taggedAt: null,
    thumbnail: `thumbnails/person-${id}.jpg`,
    showAt: id,
    sourceClusters: [id],
    ...overrides,
  };
}

export function makePeople(count: number): PersonView[] {
  return Array.from({ length: count }, (_, i) => makePerson(i));
}

export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    status: 'running',
    progress: { stage: 'faces', percent: 42.4, etaSeconds: 75, message: 'Finding faces: 312 of 720 frames' },
    source: { kind: 'url', label: 'https://example.org/clip.mp4', videoId: null },
    title: 'Evening news',
    options: { fps: 2 },
    requester: 'slack:U1',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:01.000Z',
    error: null,
    people: null,
    duration: 120,
    pageUrl: '/jobs/job-1',
    ...overrides,
  };
}

export function makeReport(): Report {
  const time = (seconds: number, share: number) => ({ seconds, share, personSeconds: seconds, sizeWeightedSeconds: seconds / 2 });
  return {
    schemaVersion: 1,
    generatedAt: '2025-01-01T00:00:00.000Z',
    video: { duration: 120, width: 640, height: 360, source: 'clip.mp4', title: 'Evening news' },
    sampling: { fps: 2, samples: 240, cuts: 3 },
    screenTime: { female: time(48, 0.4), male: time(84, 0.7), unknown: time(6, 0.05) },
    femaleShareOfGendered: 48 / 132,
    femaleShareRange: { low: 0.38, high: 0.45 },
    people: { female: 2, male: 3, unknown: 1, untagged: 1 },
    coPresence: { womenOnly: 20, menOnly: 56, both: 28, neither: 16 },
    timeline: { binSeconds: 10, bins: [] },
    persons: [],
    quality: { facesDetected: 0, facesTooSmall: 0, facesLowQuality: 0, facesNotFace: 0, clustersTaggedByPerson: 0, clustersAcceptedSuggestion: 0, clustersUntagged: 0, clustersNotFace: 0, clustersMayBeTwoPeople: 0 },
    definitions: {},
    charts: { share: 'charts/share.png', timeline: 'charts/timeline.png', persons: 'charts/persons.png' },
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Asserts Block Kit's limits on a message's (or view's) blocks, recursively. */
export function assertWithinLimits(blocks: unknown[], maxBlocks: number = LIMITS.blocksPerMessage): void {
  assert.ok(blocks.length <= maxBlocks, `${blocks.length} blocks, limit ${maxBlocks}`);
  const visit = (node: Json, path: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${path}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    const type = node.type;
    if ((type === 'mrkdwn' || type === 'plain_text') && typeof node.text === 'string') {
      assert.ok(node.text.length <= LIMITS.textChars, `${path}: text of ${node.text.length} chars`);
    }
    if (type === 'actions') {
      const ids = (node.elements as { action_id?: string }[]).map((e) => e.action_id);
      assert.ok(ids.length <= LIMITS.elementsPerActions, `${path}: ${ids.length} elements`);
      assert.equal(new Set(ids).size, ids.length, `${path}: action_ids repeat within one block`);
    }
    if (type === 'button') assert.ok(((node.text as { text: string }).text).length <= LIMITS.buttonTextChars, `${path}: button text too long`);
    if (type === 'static_select') {
      const options = node.options as { text: { text: string }; value: string }[];
      assert.ok(options.length >= 1 && options.length <= LIMITS.optionsPerSelect, `${path}: ${options.length} options`);
      for (const option of options) {
        assert.ok(option.text.text.length <= LIMITS.optionTextChars, `${path}: option text too long`);
        assert.ok(option.value.length <= LIMITS.optionValueChars, `${path}: option value too long`);
      }
    }
    for (const key of ['action_id', 'value', 'block_id'] as const) {
      const value = node[key];
      if (typeof value === 'string') assert.ok(value.length <= LIMITS.valueChars, `${path}.${key}: ${value.length} chars`);
    }
    for (const [key, child] of Object.entries(node)) visit(child, `${path}.${key}`);
  };
  visit(blocks as Json, 'blocks');
  const blockIds = (blocks as { block_id?: string }[]).map((b) => b.block_id).filter((id) => id !== undefined);
  assert.equal(new Set(blockIds).size, blockIds.length, 'block_ids repeat within one message');
}

/** Every action_id in a tree of blocks, with whether it sits inside an input block. */
export function collectActionIds(blocks: unknown[]): { interactive: Set<string>; inputs: Set<string> } {
  const interactive = new Set<string>();
  const inputs = new Set<string>();
  const visit = (node: unknown, isInInput: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, isInInput));
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const inInput = isInInput || record.type === 'input';
    if (typeof record.action_id === 'string') (inInput ? inputs : interactive).add(record.action_id);
    for (const child of Object.values(record)) visit(child, inInput);
  };
  visit(blocks, false);
  return { interactive, inputs };
}
