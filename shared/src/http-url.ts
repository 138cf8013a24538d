/**
 * Reading an http(s) URL a person gave (the API, the CLI, the bot, the extension's settings): one
 * parser, so the same bad link gets the same sentence everywhere. Pure: no network.
 */
import { OnscreenError } from './errors.js';

/** Parses an http(s) URL, or throws `url_invalid` with a sentence saying what is wrong and what to give instead. */
export function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new OnscreenError('url_invalid', `"${truncate(text.trim(), 80)}" is not a valid web address. Give a full http:// or https:// link.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OnscreenError('url_invalid', `Only http:// and https:// links can be analysed, not ${url.protocol}//.`);
  }
  if (!url.hostname) throw new OnscreenError('url_invalid', 'That web address has no host name.');
  if (url.username || url.password) throw new OnscreenError('url_invalid', 'Links with a user name or password are not accepted.');
  return url;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
