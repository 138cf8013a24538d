/**
 * Requests as Slack sends them to the bot: Events API callbacks (JSON), slash commands and
 * interactions (form-encoded), each signed with HMAC-SHA256 of `v0:<timestamp>:<body>`.
 */
import { createHmac } from 'node:crypto';
import { BOT_USER_ID, TEAM_ID } from './slack-double.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SentRequest {
  status: number;
  body: string;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to the bot's events endpoint, correctly signed unless `headers` say otherwise. */
export async function post(botUrl: string, body: string, contentType: string, headers: Record<string, string | null> = {}): Promise<SentRequest> {
  const timestamp = Math.floor(Date.now() / 1000);
  const all: Record<string, string | null> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(body, timestamp),
    ...headers,
  };
  const response = await fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null)),
    body,
  });
  return { status: response.status, body: await response.text() };
}

let eventSeq = 0;

export function eventBody(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventSeq}`): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0001',
    event: { event_ts: `${Date.now() / 1000}`, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  });
}

export function sendEvent(botUrl: string, event: Record<string, unknown>, options: { eventId?: string; retryNum?: number } = {}): Promise<SentRequest> {
  const retry: Record<string, string> = options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
  return post(botUrl, eventBody(event, options.eventId), 'application/json', retry);
}

export function commandBody(fields: { text: string; user: string; channel: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'newsroom',
    channel_id: fields.channel,
    channel_name: 'newsdesk',
    user_id: fields.user,
    user_name: fields.user.toLowerCase(),
    command: '/onscreen',
    text: fields.text,
    api_app_id: 'A0001',
    response_url: fields.responseUrl,
    trigger_id: `trigger.${Date.now()}`,
  }).toString();
}

export function sendCommand(botUrl: string, fields: { text: string; user: string; channel: string; responseUrl: string }): Promise<SentRequest> {
  return post(botUrl, commandBody(fields), 'application/x-www-form-urlencoded');
}

export function sendInteraction(botUrl: string, payload: Record<string, unknown>): Promise<SentRequest> {
  return post(botUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** A click on a button or a pick in a menu of a message the bot posted in a thread. */
export function blockAction(options: {
  user: string;
  channel: string;
  messageTs: string;
  threadTs: string;
  action: Record<string, unknown>;
  responseUrl: string;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: options.user, username: options.user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false, thread_ts: options.threadTs },
    trigger_id: `trigger.${Date.now()}`,
    team: { id: TEAM_ID, domain: 'newsroom' },
    channel: { id: options.channel, name: 'newsdesk' },
    message: { type: 'message', ts: options.messageTs, thread_ts: options.threadTs, user: BOT_USER_ID },
    response_url: options.responseUrl,
    actions: [{ action_ts: `${Date.now() / 1000}`, ...options.action }],
  };
}
