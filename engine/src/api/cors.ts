/**
 * CORS for configured origins only: exact origins ("https://newsroom.example",
 * "chrome-extension://abcdef…"), or a scheme wildcard ("chrome-extension://*") when an
 * operator configures one. Without configuration no cross-origin page may call the API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class CorsPolicy {
  private readonly exact: Set<string>;
  private readonly schemes: Set<string>;

  constructor(origins: string[]) {
    this.exact = new Set(origins.filter((o) => !o.endsWith('://*')).map((o) => o.toLowerCase()));
    this.schemes = new Set(origins.filter((o) => o.endsWith('://*')).map((o) => o.slice(0, -1).toLowerCase()));
  }

  isAllowed(origin: string): boolean {
    const lower = origin.toLowerCase();
    if (this.exact.has(lower)) return true;
    for (const scheme of this.schemes) if (lower.startsWith(scheme) && lower.length > scheme.length && !lower.slice(scheme.length).includes('/')) return true;
    return false;
  }

  /** Adds the CORS headers when the request's origin is allowed; returns whether it was. */
  apply(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (!origin || !this.isAllowed(origin)) return false;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
    res.setHeader('access-control-expose-headers', 'retry-after, content-disposition');
    return true;
  }

  /** Answers a preflight request. */
  preflight(req: IncomingMessage, res: ServerResponse): void {
    if (!this.apply(req, res)) {
      res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'forbidden', message: 'This origin may not call the onscreen API. Add it to ONSCREEN_CORS_ORIGINS.' } }));
      return;
    }
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
    });
    res.end();
  }
}
