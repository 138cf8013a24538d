/**
 * Before a thread is opened: is the link a video? The engine answers (the bot's one door; its
 * network guard applies): YouTube by the link's shape, other links by the media type their
 * server gives to a HEAD or one-byte request. An ordinary web page gets a private sentence
 * instead of a public thread; an engine that is down or refuses the bot is an admin problem.
 */
import { OnscreenError } from '../../../shared/src/errors.js';
import { describeError, isAdminProblem, logAdminProblem } from '../slack/error-text.js';
import type { ServiceContext } from './context.js';

/** Whether a link may start an analysis; when not, the sentence for the person who asked. */
export type LinkVerdict = { isVideo: true } | { isVideo: false; text: string; isAdminProblem: boolean };

export async function checkVideoLink(ctx: Pick<ServiceContext, 'engine' | 'logger'>, url: string): Promise<LinkVerdict> {
  try {
    const check = await ctx.engine.checkLink(url);
    if (check.isVideo) return { isVideo: true };
    return { isVideo: false, text: `I did not start an analysis of ${url}: ${check.message}`, isAdminProblem: false };
  } catch (error) {
    if (isAdminProblem(error)) {
      logAdminProblem(ctx.logger, `check the link ${url}`, error);
      return { isVideo: false, text: `:warning: I could not start: ${describeError(error)}`, isAdminProblem: true };
    }
    if (!(error instanceof OnscreenError)) ctx.logger.error(`Checking ${url} failed: ${String(error)}`);
    return { isVideo: false, text: `I did not start an analysis of ${url}: ${describeError(error)}`, isAdminProblem: false };
  }
}
