/** Workspaces and their tokens, for admin tokens: what `onscreen token` does on the server's machine, over the API. */
import type { z } from 'zod';
import type { TokenInfo, Workspace } from '../../../shared/src/api/types.js';
import type { ApiContext } from './context.js';
import type { AnyRoute, Route } from './router.js';
import { createTokenSchema, createWorkspaceSchema, PARAMS, tokenListQuerySchema } from './schemas.js';

const FORBIDDEN = { 403: { description: 'Not an admin token', schema: 'Error' } };

export function adminRoutes(context: ApiContext): AnyRoute[] {
  const { tokens } = context;
  const workspaces = (): Workspace[] => tokens.listWorkspaces();
  const createWorkspace: Route<z.infer<typeof createWorkspaceSchema>> = {
    method: 'POST', path: '/api/v1/admin/workspaces', access: 'token', isAdminOnly: true, tag: 'admin', summary: 'Create a workspace.',
    body: createWorkspaceSchema,
    responses: { 201: { description: 'The workspace', schema: 'Workspace' }, 200: { description: 'It existed already', schema: 'Workspace' }, ...FORBIDDEN },
    handle: ({ body }) => {
      const isNew = tokens.createWorkspace(body.id);
      return { status: isNew ? 201 : 200, json: workspaces().find((w) => w.id === body.id) };
    },
  };
  const listTokens: Route<unknown, z.infer<typeof tokenListQuerySchema>> = {
    method: 'GET', path: '/api/v1/admin/tokens', access: 'token', isAdminOnly: true, tag: 'admin', summary: 'The tokens (names, workspaces, roles, use; never the tokens themselves).',
    query: tokenListQuerySchema,
    responses: { 200: { description: '{ tokens: TokenInfo[] }', schema: 'TokenList' }, ...FORBIDDEN },
    handle: ({ query }) => ({ status: 200, json: { tokens: tokens.list(query.workspace) satisfies TokenInfo[] } }),
  };
  const createToken: Route<z.infer<typeof createTokenSchema>> = {
    method: 'POST', path: '/api/v1/admin/tokens', access: 'token', isAdminOnly: true, tag: 'admin', summary: 'Create a token in a workspace (made if new). The token is in this answer only.',
    body: createTokenSchema,
    responses: { 201: { description: '{ token, info: TokenInfo }', schema: 'NewToken' }, ...FORBIDDEN },
    handle: ({ body }) => {
      const token = tokens.create(body.name, { workspace: body.workspace, isAdmin: body.admin });
      const info = tokens.list(body.workspace).find((t) => t.name === body.name && t.revokedAt === null);
      return { status: 201, json: { token, info }, headers: { 'cache-control': 'no-store' } };
    },
  };
  return [
    {
      method: 'GET', path: '/api/v1/admin/workspaces', access: 'token', isAdminOnly: true, tag: 'admin', summary: 'The workspaces, with their active tokens and jobs counted.',
      responses: { 200: { description: '{ workspaces: Workspace[] }', schema: 'WorkspaceList' }, ...FORBIDDEN },
      handle: () => ({ status: 200, json: { workspaces: workspaces() } }),
    },
    createWorkspace,
    {
      method: 'DELETE', path: '/api/v1/admin/workspaces/:wid', access: 'token', isAdminOnly: true, tag: 'admin',
      summary: "Delete a workspace with every trace of it: its tokens stop at once, then its jobs (faces, voices, uploads, Redis records), collections, share links and people library go. Not the token's own workspace.",
      params: { wid: PARAMS.wid },
      responses: { 200: { description: 'What was deleted', schema: 'WorkspaceDeleted' }, 400: { description: "The token's own workspace", schema: 'Error' }, 404: { description: 'No such workspace', schema: 'Error' }, ...FORBIDDEN },
      handle: async ({ params, caller }) => ({ status: 200, json: await context.workspaceDeletion.delete(params.wid!, caller) }),
    },
    listTokens,
    createToken,
    {
      method: 'DELETE', path: '/api/v1/admin/tokens/:name', access: 'token', isAdminOnly: true, tag: 'admin', summary: 'Revoke a token: it stops working at once.',
      params: { name: PARAMS.tokenName },
      responses: { 204: { description: 'Revoked' }, 404: { description: 'No active token by that name', schema: 'Error' }, ...FORBIDDEN },
      handle: ({ params }) => {
        tokens.revoke(params.name!);
        return { status: 204 };
      },
    },
  ];
}
