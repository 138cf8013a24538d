/** How a content feature answers the worker's messages to its tab, for as long as the page lasts (`signal`). */
import { onRuntimeMessage } from '../browser.js';
import { isTabMessage, type TabMessage } from '../messages.js';

export function answerTabMessages<K extends TabMessage['type']>(type: K, signal: AbortSignal, answer: (message: Extract<TabMessage, { type: K }>) => unknown): void {
  const stop = onRuntimeMessage((message) => {
    if (!isTabMessage(message) || message.type !== type) return undefined;
    return Promise.resolve(answer(message as Extract<TabMessage, { type: K }>));
  });
  signal.addEventListener('abort', stop, { once: true });
}
