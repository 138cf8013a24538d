/**
 * The background worker's message router: one typed handler per message type, every answer a
 * `Reply` (errors become plain data with their code, so pages can say what went wrong).
 */
import { toErrorInfo } from '../errors.js';
import { isMessage, type AnswerOf, type MessageType, type PayloadOf, type Reply } from '../messages.js';

/** Who sent a message: the tab of a content script, if any. */
export interface SenderInfo {
  tabId?: number | undefined;
  url?: string | undefined;
}

export type Handler<K extends MessageType> = (payload: PayloadOf<K>, sender: SenderInfo) => Promise<AnswerOf<K>> | AnswerOf<K>;
export type Handlers = { [K in MessageType]: Handler<K> };

export type Router = (message: unknown, sender: SenderInfo) => Promise<Reply<unknown>> | undefined;

/**
 * Routes messages to handlers. Answers `undefined` for what is not a router message (e.g. a
 * tab message), so other listeners may answer it.
 */
export function createRouter(handlers: Handlers): Router {
  return (message, sender) => {
    if (!isMessage(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type] as Handler<MessageType>;
    return run(() => handler(message.payload ?? {}, sender));
  };
}

async function run(call: () => Promise<unknown> | unknown): Promise<Reply<unknown>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
