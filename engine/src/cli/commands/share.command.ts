import { parseArgs } from 'node:util';
import { OnscreenError } from '../../../../shared/src/errors.js';
import { openShareAdmin } from '../../services/share-admin.service.js';
import { DEFAULT_SHARE_DAYS } from '../../services/share-links.service.js';
import type { Command } from '../command.js';

const USAGE = `Usage: npx onscreen share <JOB_ID [--days N] | list JOB_ID | revoke LINK_ID> [--data-dir DIR]

Read-only links to a job's report, for people without an API token (see docs/security.md).
  JOB_ID        print a link to the job's report (valid ${DEFAULT_SHARE_DAYS} days, or --days N, 1 to 365)
  list JOB_ID   the job's links: id, made by, expiry, revoked
  revoke ID     stop a link working at once

Run it where the service's data folder is (ONSCREEN_DATA_DIR, default ./data); links are made
under ONSCREEN_PUBLIC_URL (default http://HOST:PORT).`;

export const shareCommand: Command = {
  name: 'share',
  summary: "make, list or revoke read-only links to a job's report",
  usage: USAGE,
  async run(args, context) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, days: { type: 'string' } } });
    } catch (error) {
      throw new OnscreenError('bad_request', `${(error as Error).message}\n${USAGE}`);
    }
    const { positionals, values } = parsed;
    const [first, second, ...extra] = positionals;
    const action = first === 'list' || first === 'revoke' ? first : 'create';
    const target = action === 'create' ? first : second;
    if (!target || extra.length > 0 || (action === 'create' && second) || (action !== 'create' && values.days)) throw new OnscreenError('bad_request', USAGE);
    const config = context.serviceConfig({ dataDir: values['data-dir'] });
    const links = await openShareAdmin(config.dataDir, config.secret);
    try {
      if (action === 'revoke') {
        links.revoke(target);
        process.stderr.write(`Share link ${target} revoked.\n`);
        return 0;
      }
      if (action === 'list') {
        for (const l of links.list(target)) {
          process.stdout.write(`${l.id}  by ${l.createdBy}  expires ${l.expiresAt}${l.revokedAt ? `  revoked ${l.revokedAt}` : ''}\n`);
        }
        return 0;
      }
      const link = links.create(target, values.days === undefined ? undefined : Number(values.days));
      const base = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
      process.stdout.write(`${base.replace(/\/+$/, '')}${link.url}\n`);
      process.stderr.write(`Read-only link to job ${target}'s report, valid until ${link.expiresAt} (revoke: npx onscreen share revoke ${link.id}).\n`);
      return 0;
    } finally {
      links.close();
    }
  },
};
