/** How listeners answer people: hand the slow part to a background task, and say what went wrong in plain words. */
import type { RespondFn } from '@slack/bolt';
import type { BotServices } from '../services/index.js';
import { describeError, isAdminProblem, logAdminProblem } from '../slack/error-text.js';

/**
 * Runs `work` after the listener has acknowledged; if it fails, tells only the person who
 * clicked or typed (through `respond`), in words: "I could not <doing>: <why>".
 */
export function handOff(services: BotServices, respond: RespondFn | undefined, doing: string, work: () => Promise<unknown>): void {
  services.tasks.run(doing, async () => {
    try {
      await work();
    } catch (error) {
      if (isAdminProblem(error)) logAdminProblem(services.logger, doing, error);
      if (!respond) throw error;
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:warning: I could not ${doing}: ${describeError(error)}` });
      throw error;
    }
  });
}

/** Tells one person something, quietly (only they see it). */
export async function tellPrivately(respond: RespondFn | undefined, text: string): Promise<void> {
  if (respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
}
