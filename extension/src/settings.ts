/** The engine the extension talks to: its address and API token, kept in local storage. */
import { ExtensionError } from './errors.js';

export interface Settings {
  serverUrl: string;
  token: string;
  /** The person the extension tags for ("on behalf of"), beside the token's name in the engine's history; optional. */
  name?: string;
}

export const SETTINGS_KEY = 'settings';

/** Trims, drops a trailing slash or `/api…`, and rejects anything but http(s). */
export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    throw new ExtensionError({ code: 'url_invalid', message: `"${trimmed}" is not a web address.`, hint: 'Enter something like http://127.0.0.1:8750.' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ExtensionError({ code: 'url_invalid', message: 'The engine address must start with http:// or https://.' });
  }
  const path = url.pathname.replace(/\/api(\/.*)?$/, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/**
 * The match pattern the browser must grant for the worker to reach the engine. Without a port:
 * Firefox's match patterns take none, and Chromium's match every port when it is left out.
 */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export function isConfigured(settings: Settings | undefined): settings is Settings {
  return Boolean(settings?.serverUrl && settings.token);
}
