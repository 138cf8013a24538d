/** Starts the real service (HTTP, SQLite, files) in a temporary data folder, with a token. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnscreenClient } from '../../../../shared/src/api/client.js';
import { startService, type ServiceHandle, type ServiceOverrides } from '../../../../engine/src/api/start-service.js';
import { loadServiceConfig, type ServiceConfig } from '../../../../engine/src/config/service.config.js';

export interface TestService {
  service: ServiceHandle;
  url: string;
  token: string;
  client: OnscreenClient;
  dataDir: string;
  config: ServiceConfig;
  /** Closes the service; the data folder stays for a restart. */
  stop(): Promise<void>;
  /** Closes the service and removes its data folder. */
  close(): Promise<void>;
}

export async function startTestService(settings: Record<string, unknown> = {}, overrides: ServiceOverrides = {}, dataDir?: string): Promise<TestService> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'onscreen-service-')));
  const config = loadServiceConfig({ dataDir: dir, port: 0, host: '127.0.0.1', ...settings }, {});
  const logs: string[] = [];
  const service = await startService(config, { log: (line) => logs.push(line), ...overrides });
  const token = service.tokens.create(`test-${service.tokens.list().length + 1}`);
  let isStopped = false;
  const stop = async () => {
    if (isStopped) return;
    isStopped = true;
    await service.close();
  };
  return {
    service,
    url: service.url,
    token,
    client: new OnscreenClient({ baseUrl: service.url, token }),
    dataDir: dir,
    config,
    stop,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A response body as tests read it: any JSON, looked into field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

/** A plain HTTP call that returns status, headers and parsed body (for error responses too). */
export async function call(url: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; headers: Headers; body: Body; text: string }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}
