/** How pages (content script, popup, options) ask the background worker for something. */
import { sendRuntimeMessage } from './browser.js';
import { ExtensionError } from './errors.js';
import type { AnswerOf, MessageType, PayloadOf, Reply } from './messages.js';

export async function ask<K extends MessageType>(type: K, payload: PayloadOf<K>): Promise<AnswerOf<K>> {
  let reply: Reply<AnswerOf<K>> | undefined;
  try {
    reply = (await sendRuntimeMessage({ type, payload })) as Reply<AnswerOf<K>> | undefined;
  } catch {
    // The worker was restarting or the extension was reloaded under this page.
    throw new ExtensionError({ code: 'unavailable', message: 'The onscreen extension did not answer.', hint: 'Reload the page and try again.' });
  }
  if (!reply) throw new ExtensionError({ code: 'internal', message: `The onscreen extension does not know "${type}".` });
  if (!reply.ok) throw new ExtensionError(reply.error);
  return reply.value;
}
