/** Reading requests and writing responses: JSON bodies with a size limit, errors as ErrorBody. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_CODES, OnscreenError, type ErrorBody } from '../../../shared/src/errors.js';
import { escapeHtml } from '../../../shared/src/escape-html.js';

export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; body: Buffer | string; contentType: string; headers?: Record<string, string> }
  | { status: 204 }
  /** The handler has taken the response over (server-sent events, file streams). */
  | { stream: true };

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new OnscreenError('bad_request', 'Send the request body as JSON, with `Content-Type: application/json`.');
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new OnscreenError('bad_request', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OnscreenError('bad_request', `The request body is not valid JSON (${(error as Error).message}).`);
  }
}

function tooLarge(limitBytes: number): OnscreenError {
  return new OnscreenError('payload_too_large', `The request body is larger than ${limitBytes} bytes, the most this endpoint accepts.`);
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if ('stream' in reply) return;
  if (!('json' in reply) && !('body' in reply)) {
    res.writeHead(reply.status).end();
    return;
  }
  if ('json' in reply) {
    const body = JSON.stringify(reply.json);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...reply.headers });
    res.end(body);
    return;
  }
  res.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': Buffer.byteLength(reply.body), ...reply.headers });
  res.end(reply.body);
}

/** Every failure leaves as an ErrorBody with its code's status; anything unexpected as `internal`, without details. */
export function toErrorReply(error: unknown): { status: number; json: ErrorBody; headers?: Record<string, string> } {
  const known = error instanceof OnscreenError ? error : new OnscreenError('internal');
  const headers: Record<string, string> = {};
  const retryAfter = (known as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  return { status: ERROR_CODES[known.code].status, json: known.toBody(), headers };
}

/**
 * A page people open in a browser (a share link) fails as a short HTML page, not JSON: the
 * message is escaped and nothing else is said.
 */
export function toHtmlErrorReply(error: unknown, headers: Record<string, string>): Extract<Reply, { body: unknown }> {
  const { status, json } = toErrorReply(error);
  const text = [json.error.message, json.error.hint].filter(Boolean).map((line) => `<p>${escapeHtml(line!)}</p>`).join('\n');
  const body = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>onscreen</title></head>\n<body>\n<h1>onscreen</h1>\n${text}\n</body></html>\n`;
  return { status, body, contentType: 'text/html; charset=utf-8', headers };
}
