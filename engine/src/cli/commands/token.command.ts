import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { DEFAULT_WORKSPACE } from '../../services/caller.js';
import { openTokenAdmin } from '../../services/token-admin.service.js';
import type { TokensService } from '../../services/tokens.service.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen token <create NAME [--workspace W] [--admin] | list [--workspace W] | revoke NAME | workspaces> [--data-dir DIR]

API tokens let the extension, the Slack bot and scripts call the service; give each its own.
A token sees and changes only the jobs of its workspace.
  create NAME   make a token and print it (only this once: store it in the client now)
    --workspace W   its workspace (default "${DEFAULT_WORKSPACE}"; made if new)
    --admin         it may also manage workspaces and tokens through the API
  list          the tokens' names, workspaces, when made, last used, revoked
  revoke NAME   stop a token working at once
  workspaces    the workspaces, with their tokens and jobs counted

The tokens live in the service's data folder (ONSCREEN_DATA_DIR, default ./data).`;

const OPTIONS = { 'data-dir': { type: 'string' }, workspace: { type: 'string' }, admin: { type: 'boolean' } } as const;

export const tokenCommand: Command = {
  name: 'token',
  summary: 'create, list or revoke API tokens (each in a workspace)',
  usage: USAGE,
  async run(args, context) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
    } catch (error) {
      throw new OnscreenError('bad_request', `${(error as Error).message}\n${USAGE}`);
    }
    const { positionals, values } = parsed;
    const [action, name, ...extra] = positionals;
    const config = context.serviceConfig({ dataDir: values['data-dir'] });
    const needsName = action === 'create' || action === 'revoke';
    const isBadFlag = (values.admin && action !== 'create') || (values.workspace !== undefined && action !== 'create' && action !== 'list');
    if (!action || !['create', 'list', 'revoke', 'workspaces'].includes(action) || (needsName && !name) || extra.length > 0 || (!needsName && name) || isBadFlag) {
      throw new OnscreenError('bad_request', USAGE);
    }
    const admin = openTokenAdmin(config.dataDir);
    try {
      const { tokens } = admin;
      if (action === 'create') {
        const workspace = values.workspace ?? DEFAULT_WORKSPACE;
        const token = tokens.create(name!, { workspace, isAdmin: values.admin });
        process.stdout.write(`${token}\n`);
        const role = values.admin ? 'Admin token' : 'Token';
        process.stderr.write(`${role} "${name}" created in workspace "${workspace}". It is shown only now: give it to the client (Authorization: Bearer <token>).\n`);
      } else if (action === 'revoke') {
        tokens.revoke(name!);
        process.stderr.write(`Token "${name}" revoked.\n`);
      } else if (action === 'workspaces') {
        for (const w of tokens.listWorkspaces()) process.stdout.write(`${w.id.padEnd(24)} ${w.tokens} token(s)  ${w.jobs} job(s)  created ${w.createdAt}\n`);
      } else {
        printTokens(tokens, values.workspace);
      }
      return 0;
    } finally {
      admin.close();
    }
  },
};

function printTokens(tokens: TokensService, workspace: string | undefined): void {
  const rows = tokens.list(workspace);
  if (rows.length === 0) process.stderr.write('No tokens yet: npx onscreen token create <name>\n');
  for (const t of rows) {
    const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
    const role = t.isAdmin ? ' (admin)' : '';
    process.stdout.write(`${t.name.padEnd(24)} workspace ${t.workspaceId}${role}  created ${t.createdAt}  ${state}\n`);
  }
}
