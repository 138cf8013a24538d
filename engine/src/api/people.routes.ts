/** Tagging: people (clusters) with thumbnails and suggestions; tag, merge, split, accept, undo, finish, history. */
import type { z } from 'zod';
import type { Actor } from '../../../shared/src/actor.js';
import type { ApiContext } from './context.js';
import { actor } from './request-actor.js';
import type { AnyRoute, Route } from './router.js';
import { bySchema, mergeSchema, nameSchema, PARAMS, personBySchema, splitSchema, tagSchema } from './schemas.js';

const PEOPLE = { 200: { description: 'The people after the edit', schema: 'PeopleResponse' }, 409: { description: 'The job is not analysed yet', schema: 'Error' } };
const id = { id: PARAMS.id };

export function peopleRoutes(context: ApiContext): AnyRoute[] {
  const { tagging } = context;
  const tag: Route<z.infer<typeof tagSchema>> = {
    method: 'POST', path: '/api/v1/jobs/:id/tags', access: 'token', tag: 'tagging', summary: 'Tag a person: female, male, unknown or not-face.',
    params: id, body: tagSchema, responses: PEOPLE,
    // Through the library: correcting someone recognised from it updates it too.
    handle: async (request) => ({ status: 200, json: await context.library.tag(request.params.id!, request.body.person, request.body.tag, actor(request)) }),
  };
  const name: Route<z.infer<typeof nameSchema>> = {
    method: 'POST', path: '/api/v1/jobs/:id/name', access: 'token', tag: 'tagging', summary: 'Name a person (kept in the edit history: undo takes it back).',
    params: id, body: nameSchema, responses: PEOPLE,
    handle: async (request) => ({ status: 200, json: await context.library.name(request.params.id!, request.body.person, request.body.name, actor(request)) }),
  };
  const notThem: Route<z.infer<typeof personBySchema>> = {
    method: 'POST', path: '/api/v1/jobs/:id/not-them', access: 'token', tag: 'tagging', summary: 'Say a person recognised from the library is not them (the library tag goes too).',
    params: id, body: personBySchema, responses: PEOPLE,
    handle: async (request) => ({ status: 200, json: await context.library.notThem(request.params.id!, request.body.person, actor(request)) }),
  };
  const merge: Route<z.infer<typeof mergeSchema>> = {
    method: 'POST', path: '/api/v1/jobs/:id/merge', access: 'token', tag: 'tagging', summary: 'Merge person `from` into person `into` (the same person found twice).',
    params: id, body: mergeSchema, responses: PEOPLE,
    handle: async (request) => ({ status: 200, json: await tagging.merge(request.params.id!, request.body.into, request.body.from, actor(request)) }),
  };
  const split: Route<z.infer<typeof splitSchema>> = {
    method: 'POST', path: '/api/v1/jobs/:id/split', access: 'token', tag: 'tagging',
    summary: 'Split a person: move `tracks` into a new person (default: every track but the first its own person).',
    params: id, body: splitSchema, responses: PEOPLE,
    handle: async (request) => ({ status: 200, json: await tagging.split(request.params.id!, request.body.person, actor(request), request.body.tracks) }),
  };
  const by = (path: string, summary: string, run: (jobId: string, actor: Actor) => Promise<unknown>, schema = 'PeopleResponse'): Route<z.infer<typeof bySchema>> => ({
    method: 'POST', path, access: 'token', tag: 'tagging', summary, params: id, body: bySchema,
    responses: { ...PEOPLE, 200: { description: schema, schema } },
    handle: async (request) => ({ status: 200, json: await run(request.params.id!, actor(request)) }),
  });
  return [
    {
      method: 'GET', path: '/api/v1/jobs/:id/people', access: 'token', tag: 'tagging', summary: 'The people found, with suggestions, tags and who tagged them when.',
      params: id, responses: PEOPLE,
      handle: async ({ params }) => ({ status: 200, json: await tagging.people(params.id!) }),
    },
    picture('/api/v1/jobs/:id/people/:pid/thumbnail.jpg', "A person's thumbnail (their best faces).", (j, p) => context.reports.thumbnailOfPerson(j, p)),
    picture('/api/v1/jobs/:id/people/:pid/face.jpg', "A person's one best face, square (96 × 96), for small places such as Slack.", (j, p) => context.reports.faceOfPerson(j, p)),
    picture('/api/v1/jobs/:id/tracks/:tid/thumbnail.jpg', "A track's best face (to pick which of a person's tracks to split off).", (j, t) => context.reports.thumbnailOfTrack(j, t), 'tid'),
    tag,
    name,
    notThem,
    merge,
    split,
    by('/api/v1/jobs/:id/accept-suggestions', 'Tag every untagged person with their suggestion.', (j, b) => tagging.acceptSuggestions(j, b)),
    by('/api/v1/jobs/:id/undo', 'Undo the newest action still in effect, whoever made it (`undo` in the people says which).', (j, b) => tagging.undo(j, b)),
    by('/api/v1/jobs/:id/redo', 'Redo the newest action undone, unless an edit came after the undo (`redo` in the people says which).', (j, b) => tagging.redo(j, b)),
    by('/api/v1/jobs/:id/finish', 'Mark tagging done: the report is final.', (j, b) => tagging.finish(j, b), 'Job'),
    {
      method: 'GET', path: '/api/v1/jobs/:id/history', access: 'token', tag: 'tagging', summary: 'Every edit: who tagged what (the client, and the person it acted for), and when.',
      params: id, responses: { 200: { description: '{ edits: Edit[] }', schema: 'History' } },
      handle: async ({ params }) => ({ status: 200, json: await tagging.history(params.id!) }),
    },
  ];
}

/** A person's (or, with `tid`, a track's) JPEG picture. */
function picture(path: string, summary: string, load: (jobId: string, n: number) => Promise<Buffer>, param: 'pid' | 'tid' = 'pid'): AnyRoute {
  return {
    method: 'GET', path, access: 'token', tag: 'tagging', summary,
    params: { ...id, [param]: PARAMS[param] },
    responses: { 200: { description: 'JPEG', contentType: 'image/jpeg' }, 404: { description: param === 'pid' ? 'No such person' : 'No such track', schema: 'Error' } },
    handle: async ({ params }) => {
      const image = await load(params.id!, Number(params[param]));
      return { status: 200, body: image, contentType: 'image/jpeg', headers: { 'cache-control': 'private, max-age=300' } };
    },
  };
}
