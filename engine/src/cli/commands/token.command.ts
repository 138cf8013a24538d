import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { loadServiceConfig } from '../../config/service.config.js';
import { openTokenAdmin } from '../../services/token-admin.service.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen token <create NAME | list | revoke NAME> [--data-dir DIR]

API tokens let the extension, the Slack bot and scripts call the service; give each its own.
  create NAME   make a token and print it (only this once: store it in the client now)
  list          the tokens' names, when made, last used, revoked
  revoke NAME   stop a token working at once

The tokens live in the service's data folder (ONSCREEN_DATA_DIR, default ./data).`;

export const tokenCommand: Command = {
  name: 'token',
  summary: 'create, list or revoke API tokens',
  usage: USAGE,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
    } catch (error) {
      throw new OnscreenError('bad_request', `${(error as Error).message}\n${USAGE}`);
    }
    const [action, name, ...extra] = parsed.positionals;
    const config = loadServiceConfig({ dataDir: parsed.values['data-dir'] });
    const needsName = action === 'create' || action === 'revoke';
    if (!action || !['create', 'list', 'revoke'].includes(action) || (needsName && !name) || extra.length > 0 || (!needsName && name)) {
      throw new OnscreenError('bad_request', USAGE);
    }
    const admin = openTokenAdmin(config.dataDir);
    try {
      const { tokens } = admin;
      if (action === 'create') {
        const token = tokens.create(name!);
        process.stdout.write(`${token}\n`);
        process.stderr.write(`Token "${name}" created. It is shown only now: give it to the client (Authorization: Bearer <token>).\n`);
      } else if (action === 'revoke') {
        tokens.revoke(name!);
        process.stderr.write(`Token "${name}" revoked.\n`);
      } else {
        const rows = tokens.list();
        if (rows.length === 0) process.stderr.write('No tokens yet: npx onscreen token create <name>\n');
        for (const t of rows) {
          const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
          process.stdout.write(`${t.name.padEnd(24)} created ${t.createdAt}  ${state}\n`);
        }
      }
      return 0;
    } finally {
      admin.close();
    }
  },
};
