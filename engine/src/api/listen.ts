/** Binds the HTTP server; a port in use (or not allowed) becomes one sentence naming what to change. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OnscreenError } from '../../../shared/src/errors.js';

/** Resolves with the base URL, e.g. http://127.0.0.1:8750. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => reject(explainListenError(error, port, host));
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shown === '0.0.0.0' ? '127.0.0.1' : shown === '[::]' ? '[::1]' : shown}:${address.port}`);
    });
  });
}

function explainListenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const change = 'choose another with --port N (or PORT=N)';
  if (error.code === 'EADDRINUSE') return new OnscreenError('unavailable', `Port ${port} on ${host} is already in use by another program: stop it, or ${change}.`);
  if (error.code === 'EACCES') return new OnscreenError('unavailable', `Port ${port} on ${host} needs privileges this account lacks: ${change}, above 1023.`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new OnscreenError('unavailable', `${host} is not an address of this machine: choose another with --host H (or HOST=H), e.g. 127.0.0.1 or 0.0.0.0.`);
  }
  return error;
}
