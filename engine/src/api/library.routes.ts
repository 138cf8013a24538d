/** The people library: who is remembered (thumbnails, names, tags, videos), add a job's people, rename, remove, forget. */
import type { z } from 'zod';
import type { ApiContext } from './context.js';
import { actor } from './request-actor.js';
import type { AnyRoute, Route } from './router.js';
import { addToLibrarySchema, bySchema, PARAMS, renameSchema } from './schemas.js';

const LIBRARY = { 200: { description: '{ people: LibraryPerson[] }', schema: 'Library' }, 404: { description: 'The library is off, or no such person', schema: 'Error' } };
const lid = { lid: PARAMS.lid };

export function libraryRoutes(context: ApiContext): AnyRoute[] {
  const { library } = context;
  const add: Route<z.infer<typeof addToLibrarySchema>> = {
    method: 'POST', path: '/api/v1/library/people', access: 'token', tag: 'library',
    summary: "Add every person a person tagged in a job (someone already there gains face signatures).",
    body: addToLibrarySchema, responses: { 200: { description: '{ added, updated }', schema: 'LibraryChanges' }, 404: LIBRARY[404] },
    handle: async (request) => ({ status: 200, json: await library.addJob(request.caller.workspaceId, request.body.jobId, actor(request)) }),
  };
  const rename: Route<z.infer<typeof renameSchema>> = {
    method: 'POST', path: '/api/v1/library/people/:lid/rename', access: 'token', tag: 'library', summary: 'Rename a library person.',
    params: lid, body: renameSchema, responses: { 200: { description: 'The person', schema: 'LibraryPerson' }, 404: LIBRARY[404] },
    handle: async (request) => ({ status: 200, json: await library.rename(request.caller.workspaceId, request.params.lid!, request.body.name, actor(request)) }),
  };
  const forget: Route<z.infer<typeof bySchema>> = {
    method: 'POST', path: '/api/v1/library/forget', access: 'token', tag: 'library', summary: 'Empty the library: every face signature and thumbnail is deleted.',
    body: bySchema, responses: { 200: { description: '{ forgotten }' }, 404: LIBRARY[404] },
    handle: async ({ caller }) => ({ status: 200, json: { forgotten: await library.forgetAll(caller.workspaceId) } }),
  };
  return [
    {
      method: 'GET', path: '/api/v1/library', access: 'token', tag: 'library', summary: 'Everyone in the people library, with names, tags and the videos they were seen in.',
      responses: LIBRARY,
      handle: async ({ caller }) => ({ status: 200, json: { people: await library.list(caller.workspaceId) } }),
    },
    add,
    rename,
    {
      method: 'DELETE', path: '/api/v1/library/people/:lid', access: 'token', tag: 'library', summary: 'Remove a person with every face signature and thumbnail.',
      params: lid, responses: { 200: { description: 'The person removed', schema: 'LibraryPerson' }, 404: LIBRARY[404] },
      handle: async ({ params, caller }) => ({ status: 200, json: await library.remove(caller.workspaceId, params.lid!) }),
    },
    {
      method: 'GET', path: '/api/v1/library/people/:lid/thumbnail.jpg', access: 'token', tag: 'library', summary: "A library person's face picture.",
      params: lid, responses: { 200: { description: 'JPEG', contentType: 'image/jpeg' }, 404: LIBRARY[404] },
      handle: async ({ params, caller }) => ({ status: 200, body: await library.thumbnail(caller.workspaceId, params.lid!), contentType: 'image/jpeg', headers: { 'cache-control': 'private, max-age=60' } }),
    },
    forget,
  ];
}
