/* eslint-disable @typescript-eslint/no-explicit-any -- Slack payloads are deep, loosely typed JSON; these tests read them as such. */
/**
 * A stand-in for Slack's Web API on 127.0.0.1, passed to Bolt as `clientOptions.slackApiUrl`.
 * It records every call, keeps the messages it was asked to post (and their updates), and
 * answers like Slack: chat.postMessage / update / postEphemeral / unfurl / getPermalink,
 * views.publish / open / update, auth.test, and the three steps of files.uploadV2
 * (files.getUploadURLExternal, the multipart POST of the bytes to the returned URL,
 * files.completeUploadExternal). It also takes `response_url` posts. Like Slack it refuses
 * a wrong token, messages over Block Kit's 50 blocks, blocks without a `text` fallback, and
 * (for channels whose id starts with CNOTIN) any chat.* call in a channel it was not invited to.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_TOKEN = 'xoxb-test-token';
export const BOT_USER_ID = 'UBOT';
export const TEAM_ID = 'T0001';

export interface RecordedCall {
  /** A Web API method ("chat.postMessage"), "upload" for file bytes, or "response_url". */
  method: string;
  args: Record<string, any>;
  /** What the double answered. */
  result: Record<string, any>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs: string | null;
  text: string;
  blocks: any[];
  /** How many times chat.update rewrote it. */
  updates: number;
  /** Every version, oldest first. */
  history: { text: string; blocks: any[] }[];
}

export interface SlackDouble {
  url: string;
  /** For `clientOptions.slackApiUrl` / SLACK_API_URL. */
  apiUrl: string;
  calls: RecordedCall[];
  messages: Map<string, StoredMessage>;
  uploads: Map<string, Buffer>;
  callsTo(method: string): RecordedCall[];
  /** A response_url the bot can post to; its posts are recorded as "response_url" calls with args.id. */
  responseUrl(id: string): string;
  /** Messages in a thread (not counting its root), in the order posted. */
  thread(channel: string, rootTs: string): StoredMessage[];
  /** The next call to `method` answers `{ ok: false, error }`, as Slack does when it refuses one. */
  failNext(method: string, error: string): void;
  /** Resolves when `predicate` holds, checking after every call; rejects after `timeoutMs`. */
  waitFor<T>(what: string, predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function startSlackDouble(): Promise<SlackDouble> {
  const calls: RecordedCall[] = [];
  const messages = new Map<string, StoredMessage>();
  const uploads = new Map<string, Buffer>();
  const pending: { uploadId: string; filename: string; length: number }[] = [];
  const waiters = new Set<() => void>();
  const failures = new Map<string, string>();
  let clock = 1_700_000_000;
  let seq = 0;
  let base = '';
  const nextTs = () => `${clock++}.${String(++seq).padStart(6, '0')}`;
  const key = (channel: string, ts: string) => `${channel}/${ts}`;

  const record = (method: string, args: Record<string, any>, result: Record<string, any>) => {
    calls.push({ method, args, result });
    for (const wake of [...waiters]) wake();
    return result;
  };

  const answer = (method: string, args: Record<string, any>, auth: string | undefined): Record<string, any> => {
    if (auth !== `Bearer ${BOT_TOKEN}`) return { ok: false, error: 'invalid_auth' };
    // Channels named CNOTIN… stand for channels the bot was never invited to.
    if (method.startsWith('chat.') && String(args.channel ?? '').startsWith('CNOTIN')) return { ok: false, error: 'not_in_channel' };
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    const problem = checkMessage(method, args);
    if (problem) return { ok: false, error: problem };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://newsroom.slack.example/', team: 'Newsroom', user: 'onscreen', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const ts = nextTs();
        const stored: StoredMessage = { channel: args.channel, ts, threadTs: args.thread_ts ?? null, text: args.text ?? '', blocks: args.blocks ?? [], updates: 0, history: [] };
        stored.history.push({ text: stored.text, blocks: stored.blocks });
        messages.set(key(args.channel, ts), stored);
        return { ok: true, channel: args.channel, ts, message: { text: stored.text, ts } };
      }
      case 'chat.update': {
        const stored = messages.get(key(args.channel, args.ts));
        if (!stored) return { ok: false, error: 'message_not_found' };
        stored.text = args.text ?? stored.text;
        stored.blocks = args.blocks ?? stored.blocks;
        stored.updates += 1;
        stored.history.push({ text: stored.text, blocks: stored.blocks });
        return { ok: true, channel: args.channel, ts: args.ts, text: stored.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.unfurl':
        return { ok: true };
      case 'chat.getPermalink':
        return { ok: true, channel: args.channel, permalink: `https://newsroom.slack.example/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}` };
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: `V${++seq}`, ...args.view } };
      case 'views.update':
        if (!args.view_id) return { ok: false, error: 'not_found' };
        return { ok: true, view: { id: args.view_id, ...args.view } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++seq}`;
        pending.push({ uploadId: fileId, filename: args.filename, length: Number(args.length) });
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (args.files as { id: string; title?: string }[]).map((file) => {
          if (!uploads.has(file.id)) throw new Error(`file ${file.id} was completed before its bytes were uploaded`);
          return { id: file.id, title: file.title ?? '' };
        });
        return { ok: true, files };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://double').pathname;
    const body = await readBody(req);
    let result: Record<string, any>;
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const args = parseArgs(body, req.headers['content-type']);
      try {
        result = answer(method, args, req.headers.authorization);
      } catch (error) {
        result = { ok: false, error: String((error as Error).message) };
      }
      record(method, args, result);
    } else if (path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      const expected = pending.find((p) => p.uploadId === fileId);
      const bytes = readUploadedFile(body, req.headers['content-type']);
      const isOk = expected !== undefined && bytes !== null && expected.length === bytes.length;
      if (isOk) uploads.set(fileId, bytes);
      result = record('upload', { fileId, bytes: bytes?.length ?? null, filename: expected?.filename }, { ok: isOk });
      res.writeHead(isOk ? 200 : 400, { 'content-type': 'text/plain' });
      res.end(isOk ? `OK - ${body.length}` : 'bad upload');
      return;
    } else if (path.startsWith('/response/')) {
      result = record('response_url', { id: path.slice('/response/'.length), ...JSON.parse(body.toString('utf8') || '{}') }, { ok: true });
    } else {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    messages,
    uploads,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (id) => `${base}/response/${id}`,
    failNext: (method, error) => void failures.set(method, error),
    thread: (channel, rootTs) => [...messages.values()].filter((m) => m.channel === channel && m.threadTs === rootTs),
    waitFor(what, predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          let value;
          try {
            value = predicate();
          } catch (error) {
            finish();
            reject(error);
            return;
          }
          if (value) {
            finish();
            resolve(value);
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Calls so far: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Slack's own refusals that the bot must never trigger. */
function checkMessage(method: string, args: Record<string, any>): string | null {
  if (method !== 'chat.postMessage' && method !== 'chat.update') return null;
  const blocks = args.blocks as unknown[] | undefined;
  if (blocks && blocks.length > 50) return 'invalid_blocks';
  if (blocks && blocks.length > 0 && !args.text) return 'missing_text_fallback';
  if (!args.text && !blocks) return 'no_text';
  return null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The Web API client sends form fields, with arrays and objects as JSON strings. */
function parseArgs(body: Buffer, contentType: string | undefined): Record<string, any> {
  const text = body.toString('utf8');
  if (contentType?.includes('application/json')) return text ? JSON.parse(text) : {};
  const args: Record<string, any> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    args[name] = parseJsonField(value);
  }
  return args;
}

function parseJsonField(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The file's bytes from an upload POST: the Web API client sends them as the one file part of
 * a multipart/form-data body; a raw body is taken as is.
 */
function readUploadedFile(body: Buffer, contentType: string | undefined): Buffer | null {
  const boundary = /multipart\/form-data;\s*boundary=(.+)$/i.exec(contentType ?? '')?.[1];
  if (!boundary) return body;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0 && /filename=/i.test(part.subarray(0, headerEnd).toString('latin1'))) return part.subarray(headerEnd + 4);
    start = next;
  }
  return null;
}
